// The import's progress, on stderr: how far through the file, how fast, and
// the counts — never a record's content. On a terminal one line redrawn in
// place; otherwise (a log, CI) a line every few seconds.
import type { Counts } from "./checkpoint.ts";

const WIDTH = 30;
const TERMINAL_EVERY_MS = 100;
const LOG_EVERY_MS = 5_000;

export class Progress {
  private shownAt = 0;
  private readonly startedAt = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly totalBytes: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = stream.isTTY === true;
  }

  /** `bytes` of the file done, `lines` sent this run, the counts so far. */
  update(bytes: number, lines: number, counts: Counts, force = false): void {
    const now = Date.now();
    if (!force && now - this.shownAt < (this.tty ? TERMINAL_EVERY_MS : LOG_EVERY_MS)) return;
    this.shownAt = now;
    const share = this.totalBytes === 0 ? 1 : Math.min(1, bytes / this.totalBytes);
    const filled = Math.round(share * WIDTH);
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(lines / seconds) : 0;
    const left = share > 0 && share < 1 ? ` ~${Math.ceil((seconds / share) * (1 - share))} s left` : "";
    const line =
      `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)} %  ${lines} lines, ${rate}/s${left}  ` +
      `created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, refused ${counts.refused}`;
    this.stream.write(this.tty ? `\r${line}\u001b[K` : `${line}\n`);
  }

  /** Ends the redrawn line. */
  done(bytes: number, lines: number, counts: Counts): void {
    this.update(bytes, lines, counts, true);
    if (this.tty) this.stream.write("\n");
  }
}

// Where the provider keeps its state (sessions, grants, codes, refresh
// tokens, interactions): in memory, written to one JSON file under
// DATA_DIR/identity after every change and read back on start.
//
// Why not oidc-provider's in-memory adapter: a restart (after a key
// rotation, or every `npm start`) would sign every developer out and void
// the web app's refresh tokens. Why not Redis or PostgreSQL: the development
// hub runs without either, one provider process serves a handful of people,
// and production never runs this provider at all. A file does the job.
import fs from "node:fs";
import path from "node:path";
import type { Adapter, AdapterConstructor, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; null = until destroyed. */
  expiresAt: number | null;
}

export const STATE_FILE = "state.json";
/** How long changes wait to be written together. */
const WRITE_DELAY_MS = 250;

export class FileStore {
  private readonly entries = new Map<string, Entry>();
  private scheduled: NodeJS.Timeout | null = null;

  constructor(private readonly file: string) {
    if (!fs.existsSync(file)) return;
    const stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Entry>;
    for (const [key, entry] of Object.entries(stored)) if (!this.expired(entry)) this.entries.set(key, entry);
  }

  static in(dir: string): FileStore {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return new FileStore(path.join(dir, STATE_FILE));
  }

  private expired(entry: Entry, now = Date.now()): boolean {
    return entry.expiresAt !== null && entry.expiresAt <= now;
  }

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.expired(entry)) return entry.payload;
    this.delete(key);
    return undefined;
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds: number | undefined): void {
    this.entries.set(key, { payload, expiresAt: expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : null });
    this.changed();
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.changed();
  }

  /** Keys (with a prefix) whose live payload matches; a scan, fine at development sizes. */
  keysWhere(prefix: string, match: (payload: AdapterPayload) => boolean): string[] {
    const now = Date.now();
    return [...this.entries].filter(([key, e]) => key.startsWith(prefix) && !this.expired(e, now) && match(e.payload)).map(([key]) => key);
  }

  /** A payload was changed in place (consumed). */
  changed(): void {
    // Changes within a moment coalesce into one write: a test suite signs in hundreds of people, and each
    // sign-in changes several entries; the whole file is rewritten each time. Shutdown flushes what is left.
    this.scheduled ??= setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  /** Writes now; also on shutdown. Written aside and renamed, so a crash never leaves half a file. */
  flush(): void {
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    const now = Date.now();
    const live = Object.fromEntries([...this.entries].filter(([, e]) => !this.expired(e, now)));
    fs.writeFileSync(`${this.file}.tmp`, JSON.stringify(live), { mode: 0o600 });
    fs.renameSync(`${this.file}.tmp`, this.file);
  }
}

/** oidc-provider's adapter interface over one FileStore: one instance per model (Session, Grant, …). */
export function fileAdapter(store: FileStore): AdapterConstructor {
  return class FileAdapter implements Adapter {
    private readonly prefix: string;

    constructor(readonly model: string) {
      this.prefix = `${model}:`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      store.set(this.prefix + id, payload, expiresIn);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return store.get(this.prefix + id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const [key] = store.keysWhere(this.prefix, (p) => p.uid === uid);
      return key ? store.get(key) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const [key] = store.keysWhere(this.prefix, (p) => p.userCode === userCode);
      return key ? store.get(key) : undefined;
    }

    async consume(id: string): Promise<void> {
      const payload = store.get(this.prefix + id);
      if (!payload) return;
      payload.consumed = Math.floor(Date.now() / 1000);
      store.changed();
    }

    async destroy(id: string): Promise<void> {
      store.delete(this.prefix + id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of store.keysWhere(this.prefix, (p) => p.grantId === grantId)) store.delete(key);
    }
  };
}

// CPU of the PostgreSQL backends serving the benchmark's databases: their pids
// from pg_stat_activity, their CPU from /proc. Backends that end between two
// readings lose what they used since the first (the pools keep theirs open).
import pg from "pg";
import { cpuMs } from "../scripts/lib/procstat.ts";

export interface PostgresCpu {
  /** CPU ms by backend pid. */
  read(): Promise<Map<number, number>>;
  close(): Promise<void>;
}

export async function postgresCpu(adminUrl: string, databasePrefix: string): Promise<PostgresCpu> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return {
    async read() {
      const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname like $1", [`${databasePrefix}%`]);
      const out = new Map<number, number>();
      for (const { pid } of rows) {
        const ms = cpuMs(pid);
        if (ms !== undefined) out.set(pid, ms);
      }
      return out;
    },
    close: () => client.end(),
  };
}

/** CPU used between two readings by the backends alive at the second. */
export function postgresDifference(after: Map<number, number>, before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

import { it } from 'vitest';
import { World } from '/work/main/test/unit/sync/world';
import type { Command, Flavor } from '/work/main/test/unit/sync/world';
const CASE = JSON.parse(process.env.CASE ?? '{}') as { anchored: boolean; flavor: Flavor; size: number; commands: Command[] };
it('replay', async () => {
  const w = new World(CASE.anchored, CASE.flavor, CASE.size);
  const show = (l: string) => console.log(l.padEnd(60), '\n   rows', JSON.stringify(w.rows.map((r) => [w.uid.get(r), r.anchor, r.title, r.status, r.link?.slice(-3)])), '\n   recs', JSON.stringify(w.h.records().map((r) => [r.key.slice(0, 4), r.state[0], r.anchor, r.taskId, r.status, r.inflight ? 'IF:' + r.inflight.status : '', r.writeBackStatus ?? ''])), '\n   tasks', JSON.stringify(w.h.backend.liveTasks().map((t) => [t.id, t.status, t.title])), '\n   pend', JSON.stringify([...w.pending.entries()]));
  show('start');
  for (const c of [...CASE.commands, { t: 'sync', faults: [], commitEvery: 10 } as Command]) {
    try { await w.run(c); } catch (e) { show('FAILED at ' + JSON.stringify(c)); throw e; }
    show(JSON.stringify(c));
  }
});

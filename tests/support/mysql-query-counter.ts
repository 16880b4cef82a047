import type { Db } from '../../shared/db';

/** Counts the queries a knex instance sends while `work` runs: proves a path never touches MySQL. */
export async function countMysqlQueries(db: Db, work: () => Promise<unknown>): Promise<number> {
  let queries = 0;
  const onQuery = () => {
    queries += 1;
  };
  db.on('query', onQuery);
  try {
    await work();
  } finally {
    db.off('query', onQuery);
  }
  return queries;
}

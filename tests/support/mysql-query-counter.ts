import type { Db } from '../../shared/db';

/** The SQL of every query a knex instance sends while `work` runs, in order. */
export async function mysqlQueriesOf(db: Db, work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const onQuery = (query: { sql: string }) => {
    sent.push(query.sql);
  };
  db.on('query', onQuery);
  try {
    await work();
  } finally {
    db.off('query', onQuery);
  }
  return sent;
}

/** Counts the queries a knex instance sends while `work` runs: proves a path never touches MySQL. */
export async function countMysqlQueries(db: Db, work: () => Promise<unknown>): Promise<number> {
  return (await mysqlQueriesOf(db, work)).length;
}

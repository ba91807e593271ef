import { errorFromReply, rowsFromReply } from '../../../catalogue/query/read-pool/protocol';

describe('read pool protocol', () => {
  it('rebuilds rows from flat values, in column order', () => {
    expect(rowsFromReply(['_id', 'name', 'amount'], [1, 'Évreux', 2.5, 2, null, 0])).toEqual([
      { _id: 1, name: 'Évreux', amount: 2.5 },
      { _id: 2, name: null, amount: 0 },
    ]);
    expect(rowsFromReply(['count'], [])).toEqual([]);
    expect(rowsFromReply([], [])).toEqual([]);
  });

  it('keeps an error’s message, name and code', () => {
    const error = errorFromReply({ name: 'SqliteError', message: 'no such table: rec_1_1', code: 'SQLITE_ERROR' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'SqliteError', message: 'no such table: rec_1_1', code: 'SQLITE_ERROR' });
    expect(errorFromReply({ name: 'Error', message: 'x' })).not.toHaveProperty('code');
  });
});

import { compileDatePattern, formatIsoDate, formatIsoDateTime, parseIsoDate, parseIsoDateTime } from '../../../catalogue/ingest/date-format';

describe('compileDatePattern', () => {
  it('reads French dates', () => {
    const p = compileDatePattern('%d/%m/%Y');
    expect(formatIsoDate(p('08/09/2017')!)).toBe('2017-09-08');
    expect(p('31/02/2017')).toBeNull();
    expect(p('2017-09-08')).toBeNull();
  });

  it('accepts one-digit months and days as strptime does', () => {
    expect(formatIsoDate(compileDatePattern('%Y/%m/%d')('2018/3/31')!)).toBe('2018-03-31');
  });

  it('handles two-digit years, times and offsets without a colon', () => {
    const p = compileDatePattern('%d/%m/%y %H:%M');
    expect(formatIsoDateTime(p('01/02/24 13:05')!)).toBe('2024-02-01T13:05:00');
    const z = compileDatePattern('%Y-%m-%dT%H:%M:%S%z');
    expect(formatIsoDateTime(z('2022-10-18T12:35:49+0000')!)).toBe('2022-10-18T12:35:49+00:00');
  });

  it('escapes literal characters of the pattern', () => {
    const p = compileDatePattern('%d.%m.%Y');
    expect(p('01.02.2020')).not.toBeNull();
    expect(p('01x02x2020')).toBeNull();
  });

  it('rejects unknown directives when compiled', () => {
    expect(() => compileDatePattern('%Q')).toThrow(/%Q/);
  });
});

describe('ISO parsers', () => {
  it('are strict about the date form and the calendar', () => {
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-2-9')).toBeNull();
    expect(parseIsoDate('2024-02-29T00:00')).toBeNull();
  });

  it('read date-times with or without seconds and zone', () => {
    expect(formatIsoDateTime(parseIsoDateTime('2024-05-01 08:30')!)).toBe('2024-05-01T08:30:00');
    expect(formatIsoDateTime(parseIsoDateTime('2024-05-01T08:30:15.25Z')!)).toBe('2024-05-01T08:30:15.25Z');
    expect(parseIsoDateTime('2024-05-01T25:00')).toBeNull();
  });
});

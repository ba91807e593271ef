import { attachment } from '../../../server/render/content-disposition';

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachment('communes-test-v1.csv')).toBe(`attachment; filename="communes-test-v1.csv"; filename*=UTF-8''communes-test-v1.csv`);
    expect(attachment('défibrillateurs de l’Eure.csv')).toBe(
      `attachment; filename="defibrillateurs de l_Eure.csv"; filename*=UTF-8''d%C3%A9fibrillateurs%20de%20l%E2%80%99Eure.csv`,
    );
  });

  it('cannot be broken by quotes, separators or line breaks in the name', () => {
    const header = attachment('a";b\r\nSet-Cookie: x=1/..\\c\'(*).csv');
    expect(header).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(header)![1];
    expect(fallback).not.toMatch(/[";\\/]/);
    expect(header).toMatch(/filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  });
});

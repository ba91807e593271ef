import { recordSchema } from '../../../server/openapi/record-schema';

describe('record schema from a row schema', () => {
  const rowSchema = {
    type: 'object',
    description: 'Une commune',
    properties: {
      code: { type: 'string', title: 'Code', pattern: '[0-9]{5}', 'x-foo': 1 },
      population: { type: 'integer', minimum: 0 },
      statut: { type: 'string', enum: ['A', 'B'] },
      date: { type: 'string', format: 'date' },
    },
    required: ['code'],
  };
  const fields = [
    { name: 'code', type: 'string', title: 'Code', description: null },
    { name: 'population', type: 'integer', title: 'Population', description: 'Habitants' },
    { name: 'statut', type: 'string', title: null, description: null },
    { name: 'date', type: 'date', title: null, description: null },
  ];

  it('types properties from the fields, keeps constraints, anchors patterns and allows null when not required', () => {
    expect(recordSchema(rowSchema, fields, 'Communes')).toEqual({
      type: 'object',
      title: 'Communes',
      description: 'Une commune',
      properties: {
        code: { type: 'string', title: 'Code', pattern: '^(?:[0-9]{5})$' },
        population: { type: ['integer', 'null'], minimum: 0, title: 'Population', description: 'Habitants' },
        statut: { type: ['string', 'null'], enum: ['A', 'B', null] },
        date: { type: ['string', 'null'], format: 'date' },
      },
    });
  });
});

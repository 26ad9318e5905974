/**
 * Zod schemas as field lists (the /data/ page): types, names, notes and the
 * order of the types; every field of every published file has a note.
 */
import { z, type ZodTypeAny } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeSchema } from '../../src/site/data/schema-fields';
import { DATA_FILES } from '../../src/site/data/data-files';
import { listedUrls } from '../gates/gate-site';

describe('describeSchema', () => {
  const inline = z.union([z.string(), z.object({ footer: z.number().int().min(1).max(218) })]);
  const item = z.object({ kind: z.literal('item'), text: z.array(inline).describe('文字') });
  const root = z
    .object({
      n: z.number().int().min(1),
      label: z.string().nullable(),
      mode: z.enum(['甲', '乙']),
      items: z.array(item),
      extra: z.object({ ok: z.boolean() }).optional(),
    })
    .superRefine(() => {});
  const names = new Map<ZodTypeAny, string>([
    [root, 'Root'],
    [item, 'Item'],
    [inline, 'Inline'],
  ]);
  const doc = describeSchema(root, names, { 'Root.n': '编号', 'Root.items': '各项' });

  it('writes each field’s type, and names the types the caller names', () => {
    expect(doc.root).toBe('Root');
    const rootType = doc.types.find((t) => t.name === 'Root')!;
    expect(rootType).toEqual({
      kind: 'object',
      name: 'Root',
      fields: [
        { name: 'n', type: 'integer ≥ 1', note: '编号' },
        { name: 'label', type: 'string | null', note: '' },
        { name: 'mode', type: '"甲" | "乙"', note: '' },
        { name: 'items', type: 'Item[]', note: '各项' },
        { name: 'extra', type: 'Root.extra（可省略）', note: '' },
      ],
    });
    expect(doc.types.find((t) => t.name === 'Item')).toEqual({
      kind: 'object',
      name: 'Item',
      fields: [
        { name: 'kind', type: '"item"', note: '' },
        { name: 'text', type: 'Inline[]', note: '文字' },
      ],
    });
    expect(doc.types.find((t) => t.name === 'Inline')).toEqual({ kind: 'union', name: 'Inline', variants: ['string', 'Inline.2'] });
  });

  it('lists the types in the caller’s order, an unnamed one after its holder', () => {
    expect(doc.types.map((t) => t.name)).toEqual(['Root', 'Root.extra', 'Item', 'Inline', 'Inline.2']);
  });

  it('describes a bare array', () => {
    expect(describeSchema(z.array(item), names).root).toBe('Item[]');
  });
});

describe('the published files', () => {
  it('have a note on every field and a URL in tests/urls.txt', () => {
    const listed = listedUrls();
    for (const file of DATA_FILES) {
      expect(listed, file.path).toContain(file.path);
      for (const type of describeSchema(file.schema, file.names, file.notes).types) {
        if (type.kind !== 'object') continue;
        for (const field of type.fields) expect(field.note, `${file.path} ${type.name}.${field.name}`).not.toBe('');
      }
    }
    expect(new Set(DATA_FILES.map((f) => f.id)).size).toBe(DATA_FILES.length);
  });
});

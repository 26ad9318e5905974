/**
 * Zod schemas as field lists (the /data/ page): types, names, notes and the
 * order of the types; every field of every published file has a note.
 */
import { z, type ZodTypeAny } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeSchema } from '../../src/site/data/schema-fields';
import { dataFiles, sourceFigures } from '../../src/site/data/data-files';
import { plan } from '../helpers/real-plan';
import { isBox, planBlocks } from '../../src/convert/plan-walk';
import { indicators, packages } from '../helpers/curated-tables';
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
  const DATA_FILES = dataFiles(sourceFigures(plan, indicators, packages));

  it('are described with the figures counted on the source, not written down', () => {
    const figures = sourceFigures(plan, indicators, packages);
    expect(figures.boxes).toEqual([...planBlocks(plan, isBox)].map((step) => step.node.n));
    expect(figures.packages).toBe(packages.packages.length);
    const words = (f: typeof figures) => JSON.stringify(dataFiles(f).map((file) => [file.forReaders, file.description]));
    expect(words(figures)).toContain(`${figures.boxes.length}个专栏`);
    // Another copy of the plan, with other figures, is described with its own.
    const other = words({ boxes: [1, 2, 3], packages: 4, indicatorRows: [1, 2, 3, 4, 5], splitIndicatorRows: [2] });
    expect(other).toContain('3个专栏');
    expect(other).toContain('专栏1—3');
    expect(other).toContain('4个重大工程包');
    expect(other).toContain('第2项每个子行');
    expect(other).not.toMatch(/10个|第9、25项/);
  });

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

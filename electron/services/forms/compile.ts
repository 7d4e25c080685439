import {
  type Document,
  type IContext,
  type IXmlableObject,
  NextAttributeComponent,
  XmlComponent,
} from 'docx';
import { partXml } from './xml-writer.js';
import type { PackageParts } from './zip-parts.js';

/** A part whose text `key` determines entirely (and which holds no picture). */
export interface Keyed {
  path: string;
  key: string;
}

/**
 * Texts of keyed parts, by key: the fixed parts, and headers and footers by what they print (a form's
 * label, the 配布番号, the 159条 warning: no one's data). At most `keptLimit`, the oldest dropped.
 */
const known = new Map<string, string>();
const keptLimit = 64;

const relationshipType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * docx writes `{key}` where a picture's relationship id or a list's number goes, and replaces each once
 * the ids are known (in any text of the part, as docx does).
 */
const placeholder = /\{([^{}]+)\}/g;

function replaced(xml: string, values: ReadonlyMap<string, string>): string {
  return values.size === 0 || !xml.includes('{')
    ? xml
    : xml.replace(placeholder, (text, key: string) => values.get(key) ?? text);
}

/** docx's key of a list instance, as its placeholders name it. */
function listKey(reference: string, instance: number, restartedListId: number | string | undefined): string {
  return restartedListId === undefined
    ? `${reference}-${instance}`
    : `${reference}-restart ${restartedListId}`;
}

/**
 * What docx's NextAttributeComponent.prepForXml gives (the attributes whose value is set, keys in the
 * same order), without its object spread per attribute: that fold was a sixth of formatting a body.
 */
function foldedAttributes(this: { root: Record<string, { key: string; value: unknown }> }): IXmlableObject {
  const attributes: Record<string, unknown> = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
  return { _attr: attributes };
}

/** Gives the attribute components under `component` the one-pass fold (the instances, not docx's class). */
function foldAttributesUnder(component: XmlComponent): void {
  const pending: unknown[] = [component];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next instanceof NextAttributeComponent)
      Object.defineProperty(next, 'prepForXml', { value: foldedAttributes });
    else if (next instanceof XmlComponent) {
      const children: unknown = (next as unknown as { root: unknown }).root;
      if (Array.isArray(children)) for (const child of children) pending.push(child);
    }
  }
}

/** What docx can hold that no Kasane document uses: refused rather than written differently from docx. */
function unsupported(file: Document): string | null {
  if (!file.Comments.IsEmpty || file.CommentsExtended || file.CommentsIds) return 'comments';
  if (file.Macros) return 'macros';
  if (file.Bibliography) return 'a bibliography';
  if (file.PackageParts.Array.length > 0) return 'embedded parts';
  if (file.FontTable.files.length > 0) return 'embedded fonts';
  return null;
}

/**
 * The package's parts by path, in the order and with the bytes docx 9.15.2's compiler gives them
 * (`overrides` replacing the parts they name), for a document of text, tables, fields and pictures in
 * its body: what every Kasane document is made of.
 *
 * docx's compiler formats each part into a tree of objects, walks the tree again with a general XML
 * writer, formats every header and footer twice and searches every part for placeholders. Here each
 * part is formatted once and written by `partXml`, and only a document with pictures or lists is
 * searched. Parts are not formatted at all when their text is known:
 * - the parts no Kasane document configures (theme, styles, settings, the empty notes, the package
 *   relationships, the app and custom properties: document.ts's options never change them), and the
 *   content types by the number of headers and footers, from the first document;
 * - `keyed`: components whose part is known by its key (headers and footers by what they print);
 * - the parts `overrides` replace.
 *
 * `known` in the result: the paths of parts made from keys (no one's data), which the zip may keep
 * compressed. compile.test.ts and document-parts.test.ts compare every part with docx's compiler.
 */
export function compileParts(
  file: Document,
  overrides: readonly { path: string; data: string }[],
  keyed: ReadonlyMap<object, Keyed> = new Map(),
): { parts: PackageParts; known: Set<string> } {
  const overridden = new Set(overrides.map((o) => o.path));
  const madeFromKeys = new Set<string>();
  const format = (component: XmlComponent, viewWrapper: IContext['viewWrapper'], standalone: boolean) => {
    const tree = component.prepForXml({ file, viewWrapper, stack: [] });
    if (!tree) throw new Error('docx: a part did not format');
    return partXml(tree, standalone ? 'standalone' : 'plain');
  };
  /** A part known by its key: written for the first document with that key, then kept. */
  const keptPart = (part: Keyed, write: () => string) => {
    madeFromKeys.add(part.path);
    const text = known.get(part.key);
    if (text !== undefined) return text;
    const xml = write();
    if (known.size >= keptLimit) known.delete(known.keys().next().value ?? '');
    known.set(part.key, xml);
    return xml;
  };
  const fixed = (path: string, write: () => string) =>
    overridden.has(path) ? '' : keptPart({ path, key: path }, write);
  const furniture = (component: XmlComponent, path: string, write: () => string) => {
    const part = keyed.get(component);
    return part && part.path === path ? keptPart(part, write) : write();
  };

  foldAttributesUnder(file.Document.View);
  // In the order docx formats them: formatting a part may add to what a later part lists.
  let document = format(file.Document.View, file.Document, true);
  const footnotes = fixed('word/footnotes.xml', () => format(file.FootNotes.View, file.FootNotes, true));
  const endnotes = fixed('word/endnotes.xml', () => format(file.Endnotes.View, file.Endnotes, false));
  const documentRelationships = file.Document.Relationships;
  const media = file.Media.Entries;
  if (media.length > 0) {
    const used = new Set(Array.from(document.matchAll(placeholder), ([, key]) => key));
    const firstId = documentRelationships.RelationshipCount + 1;
    const ids = new Map(
      media
        .filter(([key]) => used.has(key))
        .map(([key, { fileName }], i) => [key, { id: firstId + i, fileName }]),
    );
    document = replaced(document, new Map([...ids].map(([key, { id }]) => [key, String(id)])));
    for (const { id, fileName } of ids.values())
      documentRelationships.addRelationship(id, `${relationshipType}/image`, `media/${fileName}`);
  }
  documentRelationships.addRelationship(
    documentRelationships.RelationshipCount + 1,
    `${relationshipType}/fontTable`,
    'fontTable.xml',
  );
  const relationships = format(documentRelationships, file.Document, false);
  const styles = fixed('word/styles.xml', () => format(file.Styles, file.Document, true));
  const properties = overridden.has('docProps/core.xml')
    ? ''
    : format(file.CoreProperties, file.Document, true);
  const fileRelationships = fixed('_rels/.rels', () => format(file.FileRelationships, file.Document, false));
  const headers = file.Headers.map((h, i) =>
    furniture(h.View, `word/header${i + 1}.xml`, () => format(h.View, h, false)),
  );
  const footers = file.Footers.map((f, i) =>
    furniture(f.View, `word/footer${i + 1}.xml`, () => format(f.View, f, false)),
  );
  const headerRelationships = file.Headers.map((h) => format(h.Relationships, h, false));
  const footerRelationships = file.Footers.map((f) => format(f.Relationships, f, false));
  const custom = fixed('docProps/custom.xml', () => format(file.CustomProperties, file.Document, true));
  const app = fixed('docProps/app.xml', () => format(file.AppProperties, file.Document, true));
  const footnoteRelationships = fixed('word/_rels/footnotes.xml.rels', () =>
    format(file.FootNotes.Relationships, file.FootNotes, false),
  );
  const endnoteRelationships = fixed('word/_rels/endnotes.xml.rels', () =>
    format(file.Endnotes.Relationships, file.Endnotes, false),
  );
  const settings = fixed('word/settings.xml', () => format(file.Settings, file.Document, true));
  const fontTable = fixed('word/fontTable.xml', () => format(file.FontTable.View, file.Document, true));
  const fontTableRelationships = fixed('word/_rels/fontTable.xml.rels', () =>
    format(file.FontTable.Relationships, file.Document, false),
  );
  const theme = fixed('word/theme/theme1.xml', () => format(file.Theme, file.Document, true));
  // A paragraph in a list adds its list's instance while the body is written: the numbering part is
  // known for one set of instances.
  const lists = new Map(
    file.Numbering.ConcreteNumbering.map(
      (n) => [listKey(n.reference, n.instance, n.restartedListId), String(n.numId)] as const,
    ),
  );
  const numbering = keptPart(
    { path: 'word/numbering.xml', key: JSON.stringify(['numbering', ...lists]) },
    () => format(file.Numbering, file.Document, true),
  );
  const contentTypes = keptPart(
    {
      path: '[Content_Types].xml',
      key: JSON.stringify([
        'content types',
        file.Headers.length,
        file.Footers.length,
        ...new Set(media.map(([, m]) => m.fileName.slice(m.fileName.lastIndexOf('.')))),
      ]),
    },
    () => format(file.ContentTypes, file.Document, false),
  );
  const refused = unsupported(file);
  if (refused) throw new Error(`compileParts: a document with ${refused} needs docx's own compiler`);
  if (media.length > 0) {
    const elsewhere = [...headers, ...footers, footnotes, endnotes].some((xml) =>
      Array.from(xml.matchAll(placeholder)).some(([, key]) => media.some(([m]) => m === key)),
    );
    if (elsewhere) throw new Error('compileParts: pictures are written in the body only');
  }
  const parts = new Map<string, string | Uint8Array>([
    ['word/_rels/document.xml.rels', relationships],
    ['word/document.xml', replaced(document, lists)],
    ['word/styles.xml', replaced(styles, lists)],
    ['docProps/core.xml', properties],
    ['_rels/.rels', fileRelationships],
    ...headerRelationships.map((xml, i) => [`word/_rels/header${i + 1}.xml.rels`, xml] as const),
    ...footerRelationships.map((xml, i) => [`word/_rels/footer${i + 1}.xml.rels`, xml] as const),
    ...headers.map((xml, i) => [`word/header${i + 1}.xml`, replaced(xml, lists)] as const),
    ...footers.map((xml, i) => [`word/footer${i + 1}.xml`, replaced(xml, lists)] as const),
    ['docProps/custom.xml', custom],
    ['docProps/app.xml', app],
    ['word/footnotes.xml', replaced(footnotes, lists)],
    ['word/_rels/footnotes.xml.rels', footnoteRelationships],
    ['word/endnotes.xml', replaced(endnotes, lists)],
    ['word/_rels/endnotes.xml.rels', endnoteRelationships],
    ['word/settings.xml', settings],
    ['word/fontTable.xml', fontTable],
    ['word/_rels/fontTable.xml.rels', fontTableRelationships],
    ['word/theme/theme1.xml', theme],
    ['word/numbering.xml', numbering],
    ['[Content_Types].xml', contentTypes],
  ]);
  for (const { path, data } of overrides) parts.set(path, data);
  for (const path of overridden) madeFromKeys.delete(path);
  for (const { fileName, data } of file.Media.Array)
    parts.set(`word/media/${fileName}`, data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  return { parts, known: madeFromKeys };
}

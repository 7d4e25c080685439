import { type Document, Packer } from 'docx';
import type { PackageParts } from './zip-parts.js';

/**
 * docx's compiler: what Packer.toBuffer runs before zipping (docx is pinned to an exact version; the
 * forms tests open every part this writes). Kasane runs its own instance of it, whose formatter skips
 * the parts every Kasane document has the same (below): formatting and writing their XML again for
 * each file was half the time to write the 別添資料.
 */
interface Compiler {
  compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): PackageParts;
  formatter: { format(component: object, context: object): object };
}

// biome-ignore lint/complexity/useLiteralKeys: the member is private; TypeScript reads it only by index
const docxCompiler: Compiler | undefined = Packer['compiler'];
const CompilerClass = docxCompiler?.constructor as (new () => Compiler) | undefined;
if (
  typeof docxCompiler?.compile !== 'function' ||
  typeof docxCompiler.formatter?.format !== 'function' ||
  !CompilerClass
)
  throw new Error('docx: Packer has no compiler any more');
const compiler = new CompilerClass();

/**
 * The parts no Kasane document configures: the theme (styles.ts' fonts), the styles (one set for
 * every document, styles-part.ts), the settings, the numbering (no list in any document), the empty
 * foot- and endnotes, the package relationships and the app and custom properties. Kasane's Document
 * options (document.ts) never change them, so the first file's text is every file's. The content
 * types list one override per header and footer: they are known by those counts. The body's
 * relationships name its pictures and are written each time.
 */
function fixedParts(file: Document): [object, Keyed][] {
  const fixed = (component: object, path: string): [object, Keyed] => [component, { path, key: path }];
  return [
    fixed(file.Theme, 'word/theme/theme1.xml'),
    fixed(file.Styles, 'word/styles.xml'),
    fixed(file.Settings, 'word/settings.xml'),
    fixed(file.Numbering, 'word/numbering.xml'),
    fixed(file.FootNotes.View, 'word/footnotes.xml'),
    fixed(file.Endnotes.View, 'word/endnotes.xml'),
    fixed(file.FileRelationships, '_rels/.rels'),
    fixed(file.AppProperties, 'docProps/app.xml'),
    fixed(file.CustomProperties, 'docProps/custom.xml'),
    [
      file.ContentTypes,
      {
        path: '[Content_Types].xml',
        key: JSON.stringify(['content types', file.Headers.length, file.Footers.length]),
      },
    ],
  ];
}

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

/** What a skipped part is formatted as; its text is put back after docx has compiled. */
const skipped = Object.freeze({ 'kasane:skipped': {} });
let skipping: ReadonlySet<object> = new Set();

const format = compiler.formatter.format.bind(compiler.formatter);
compiler.formatter.format = (component, context) =>
  skipping.has(component) ? skipped : format(component, context);

/**
 * The package's parts by path, as docx compiles them, `overrides` replacing the parts they name.
 * `keyed` names components whose part is already known by its key: docx neither formats nor writes
 * them (nor the overridden ones, which it would format only to throw away). `known`: the paths of
 * parts made from keys (no one's data), which the zip may keep compressed.
 */
export function compileParts(
  file: Document,
  overrides: { path: string; data: string }[],
  keyed: ReadonlyMap<object, Keyed> = new Map(),
): { parts: PackageParts; known: Set<string> } {
  const keyedParts = new Map([...fixedParts(file), ...keyed]);
  const overridden = new Set(overrides.map((o) => o.path));
  const skip = new Set(
    [...keyedParts].filter(([, part]) => known.has(part.key)).map(([component]) => component),
  );
  if (overridden.has('docProps/core.xml')) skip.add(file.CoreProperties);
  if (overridden.has('word/fontTable.xml')) skip.add(file.FontTable.View);
  // Formatted only to look for pictures in comments, and there are none.
  if (file.Comments.IsEmpty) skip.add(file.Comments);
  skipping = skip;
  let parts: Map<string, string | Uint8Array>;
  try {
    parts = new Map(compiler.compile(file, undefined, overrides));
  } finally {
    skipping = new Set();
  }
  for (const { path, key } of keyedParts.values()) {
    const text = known.get(key);
    const compiled = parts.get(path);
    if (text !== undefined) parts.set(path, text);
    else if (typeof compiled === 'string') {
      if (known.size >= keptLimit) known.delete(known.keys().next().value ?? '');
      known.set(key, compiled);
    }
  }
  return { parts, known: new Set([...keyedParts.values()].map((part) => part.path)) };
}

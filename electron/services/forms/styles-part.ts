import { Document, type IContext, type IStylesOptions, type IXmlableObject, XmlComponent } from 'docx';
import { builtInStyles, documentDefaults, paragraphStyles } from './styles.js';

/** An element docx has formatted already: written as it is. */
class Formatted extends XmlComponent {
  constructor(private readonly xml: IXmlableObject) {
    super('w:style');
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let formatted: IStylesOptions | null = null;

/**
 * The styles of every Kasane document (styles.ts), formatted by docx once per process and then handed
 * to each document as they are: formatting them again for each file was a seventh of the time to write
 * the five 様式. Frozen, so that anything writing into them fails instead of changing the next file.
 */
export function documentStyles(): IStylesOptions {
  if (formatted) return formatted;
  const file = new Document({
    styles: { default: { ...builtInStyles, document: documentDefaults }, paragraphStyles },
    sections: [],
  });
  const context: IContext = { file, viewWrapper: file.Document, stack: [] };
  const children = file.Styles.prepForXml(context)?.['w:styles'];
  if (!Array.isArray(children)) throw new Error('docx: the styles part has no children');
  const [attributes, ...styles] = deepFreeze(children as IXmlableObject[]);
  if (!attributes || !('_attr' in attributes)) throw new Error('docx: the styles part has no attributes');
  formatted = {
    initialStyles: new Formatted(attributes),
    importedStyles: styles.map((s) => new Formatted(s)),
  };
  return formatted;
}

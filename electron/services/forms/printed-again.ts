import { elementOf, FileChild, type IContext, type IXmlableObject } from 'docx';

/** One more place a block is printed: writes the tree docx formatted for the block's first place. */
class PrintedAgain extends FileChild {
  constructor(
    private readonly block: FileChild,
    private readonly formatted: Map<FileChild, IXmlableObject | undefined>,
  ) {
    super(elementOf(block) ?? '');
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    if (!this.formatted.has(this.block)) this.formatted.set(this.block, this.block.prepForXml(context));
    return this.formatted.get(this.block);
  }
}

/**
 * Blocks one document prints the same way in several places (a 様式1 letter's text, all but its
 * addressee): each call gives them for one more place. docx formats them once; every place writes that
 * formatted tree. The 14 letters of a 14-agency 様式1 were formatted 14 times, most of the time it took
 * to write the five 様式. Only for blocks whose XML does not depend on where they stand (the same page
 * width everywhere): form1-meeting-notice.test.ts compares the file with one whose letters are built anew.
 */
export function printedAgain(blocks: readonly FileChild[]): () => FileChild[] {
  const formatted = new Map<FileChild, IXmlableObject | undefined>();
  return () => blocks.map((block) => new PrintedAgain(block, formatted));
}

import { createHash } from 'node:crypto';
import {
  AlignmentType,
  type IContext,
  type IMediaData,
  type IXmlableObject,
  LineRuleType,
  Paragraph,
  Drawing as WordDrawing,
  XmlComponent,
} from 'docx';
import { familySheet } from '../../domain/forms.js';
import type { OfficeSettings } from '../../ipc/contract.js';
import { warekiDate } from '../forms/dates.js';
import { type LayoutFonts, type PackedDocument, packDocument } from '../forms/index.js';
import { type CopyNumber, contentHeight, contentWidth } from '../forms/page.js';
import { headingParagraph, rightParagraph, titleParagraph } from '../forms/paragraphs.js';
import { styles } from '../forms/styles.js';
import { cleanText } from '../forms/text.js';
import { type DrawingFonts, pixelsFor, rasterise } from './raster.js';

/**
 * 別添資料「家族構成図・エコマップ」: one A4 portrait page with the page furniture of the 様式 (取扱注意,
 * 配布番号, the 159条 footer). Each drawing goes in as SVG with a PNG fallback at 300 dpi: Word 2016+
 * shows the SVG, LibreOffice and older Word the PNG. Titles, alt text and properties name the
 * household by label only.
 */

export interface FamilySheetData {
  office: OfficeSettings;
  /** The 159条 footer in force (the 106条の6 variant for a household without consent). */
  warningFooter: string;
  /** 「A氏世帯」 */
  householdTitle: string;
  /** The day the drawing shows (ages are as of this day). */
  asOf: string;
  /** The meeting the sheet is handed out at, e.g. 「令和8年11月24日（火） 支援会議」; null when none. */
  meetingLine: string | null;
  genogramSvg: string;
  ecoMapSvg: string;
  copy: CopyNumber | null;
  /** Frozen in tests so the same input gives the same document. */
  createdAt: Date;
}

const dpi = 300;
const twipsPerMm = 1440 / 25.4;
/** Room the title, the date line and the two headings take, in mm; the rest of the page is drawings. */
const textHeightMm = 40;

function svgSize(svg: string): { width: number; height: number } {
  const width = Number(svg.match(/<svg[^>]*\swidth="([\d.]+)"/)?.[1]);
  const height = Number(svg.match(/<svg[^>]*\sheight="([\d.]+)"/)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('drawing without a size');
  return { width, height };
}

/** The エコマップ's share of the page: the 家族構成図 carries more to read and gets the rest. */
const ecoMapMaxHeightMm = 85;

/** Both drawings as wide as the page allows, the エコマップ at most 85 mm tall, together on one page. */
export function drawingSizesMm(genogramSvg: string, ecoMapSvg: string) {
  const widthMm = contentWidth('portrait') / twipsPerMm;
  const room = contentHeight('portrait') / twipsPerMm - textHeightMm;
  const fitted = (size: { width: number; height: number }, maxHeight: number) => {
    const width = Math.min(widthMm, (maxHeight * size.width) / size.height);
    return { width, height: (width * size.height) / size.width };
  };
  const ecoMap = fitted(svgSize(ecoMapSvg), Math.min(ecoMapMaxHeightMm, room / 2));
  return { genogram: fitted(svgSize(genogramSvg), room - ecoMap.height), ecoMap };
}

/** The drawings' sizes on the page and their PNG fallbacks: made once, shared by every numbered copy. */
export interface FamilySheetImages {
  sizes: ReturnType<typeof drawingSizesMm>;
  genogramPng: Buffer;
  ecoMapPng: Buffer;
}

/** What the sheet's PNG fallbacks are drawn from: each drawing and its width in pixels at 300 dpi. */
export function familySheetRasters(data: Pick<FamilySheetData, 'genogramSvg' | 'ecoMapSvg'>) {
  const sizes = drawingSizesMm(data.genogramSvg, data.ecoMapSvg);
  return {
    sizes,
    genogram: { svg: data.genogramSvg, widthPx: pixelsFor(sizes.genogram.width, dpi) },
    ecoMap: { svg: data.ecoMapSvg, widthPx: pixelsFor(sizes.ecoMap.width, dpi) },
  };
}

/** Rasterises both drawings at 300 dpi, at once (resvg works on libuv's threads). */
export async function familySheetImages(
  data: Pick<FamilySheetData, 'genogramSvg' | 'ecoMapSvg'>,
  fonts?: DrawingFonts,
): Promise<FamilySheetImages> {
  const { sizes, genogram, ecoMap } = familySheetRasters(data);
  const [genogramPng, ecoMapPng] = await Promise.all([
    rasterise(genogram.svg, genogram.widthPx, fonts),
    rasterise(ecoMap.svg, ecoMap.widthPx, fonts),
  ]);
  return { sizes, genogramPng, ecoMapPng };
}

/**
 * An SVG picture with its PNG fallback, as docx's ImageRun writes it. ImageRun keys each picture by a
 * SHA-1 of its bytes computed in JavaScript (a sixth of the time to write the sheet from kept PNGs); the
 * key only tells identical pictures apart and never reaches the file, so Node's native SHA-1 gives
 * the same document.
 */
export class PictureRun extends XmlComponent {
  private readonly picture: IMediaData & { type: 'svg' };

  constructor(svg: Buffer, png: Buffer, widthPx: number, heightPx: number, altText: DocProperties) {
    super('w:r');
    const transformation = {
      pixels: { x: widthPx, y: heightPx },
      emus: { x: widthPx * 9525, y: heightPx * 9525 },
    };
    const key = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');
    this.picture = {
      type: 'svg',
      data: svg,
      fileName: `${key(svg)}.svg`,
      transformation,
      fallback: { type: 'png', data: png, fileName: `${key(png)}.png`, transformation },
    };
    this.root.push(new WordDrawing(this.picture, { docProperties: altText }));
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    context.file.Media.addImage(this.picture.fileName, this.picture);
    context.file.Media.addImage(this.picture.fallback.fileName, this.picture.fallback);
    return super.prepForXml(context);
  }
}

export type DocProperties = { id: string; name: string; title: string; description: string };

function drawing(
  id: number,
  svg: string,
  png: Buffer,
  size: { width: number; height: number },
  name: string,
  altText: string,
): Paragraph {
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  const paragraph = new Paragraph({
    style: styles.body,
    alignment: AlignmentType.CENTER,
    // The style's exact line height would clip the picture to one line.
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
  });
  // docx numbers drawings from one counter per process; fixed ids keep the same data the same bytes.
  const docProperties = { id: String(id), name, title: altText, description: altText };
  paragraph.addChildElement(
    new PictureRun(Buffer.from(svg, 'utf8'), png, px(size.width), px(size.height), docProperties),
  );
  return paragraph;
}

/** The .docx of the 別添資料; `images` from familySheetImages (made here when not given). */
export async function renderFamilySheet(
  data: FamilySheetData,
  layout: LayoutFonts | null = null,
  images?: FamilySheetImages,
): Promise<PackedDocument> {
  const household = cleanText(data.householdTitle);
  const title = `${household} ${familySheet.title}`;
  const { sizes, genogramPng, ecoMapPng } = images ?? (await familySheetImages(data));
  const dateLine = [data.meetingLine ? `${data.meetingLine} 資料` : null, `${warekiDate(data.asOf)}現在`]
    .filter(Boolean)
    .join('　');
  return packDocument(
    {
      title,
      author: `${data.office.municipalityName}${data.office.departmentName}`,
      createdAt: data.createdAt,
      numbering: 'document',
      sections: [
        {
          orientation: 'portrait',
          headerLabel: familySheet.headerLabel,
          copy: data.copy,
          warning: data.warningFooter,
          children: [
            titleParagraph(title),
            rightParagraph(dateLine),
            headingParagraph('家族構成図'),
            drawing(
              1,
              data.genogramSvg,
              genogramPng,
              sizes.genogram,
              '家族構成図',
              `${household}の家族構成図`,
            ),
            headingParagraph('エコマップ'),
            drawing(2, data.ecoMapSvg, ecoMapPng, sizes.ecoMap, 'エコマップ', `${household}のエコマップ`),
          ],
        },
      ],
    },
    layout,
  );
}

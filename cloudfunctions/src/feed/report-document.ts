/** The report as Word (docx, loaded only by feedDocuments): headline, the key moments, then the photos with their captions. */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { ReportArticle, ReportPhoto } from './report';

/** A photo across the text width of an A4 page (about 15.5 cm at 96 dpi), never enlarged. */
const WIDTH_PX = 580;
const placed = ({ width, height }: ReportPhoto) => {
  const scale = Math.min(1, WIDTH_PX / width);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
};

export const reportDocument = async ({ headline, meta, lead, moments, photos, publisher }: ReportArticle): Promise<Uint8Array> => {
  // Word holds JPEG and PNG; a WebP photo (rare: phones send JPEG) stays in the web page only.
  const fitting = photos.filter((photo) => photo.type !== 'webp');
  const document = new Document({
    title: headline,
    creator: publisher,
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: headline, bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: meta, color: '888888', size: 20 })] }),
          new Paragraph({ children: [new TextRun(lead)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '关键时刻', bold: true })] }),
          ...moments.map(
            ({ time, text }) =>
              new Paragraph({ children: [new TextRun({ text: `${time}  `, bold: true, color: 'C8161D' }), new TextRun(text)] }),
          ),
          ...(fitting.length
            ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '现场图片', bold: true })] })]
            : []),
          ...fitting.flatMap((photo) => [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new ImageRun({ type: photo.type as 'jpg' | 'png', data: photo.bytes, transformation: placed(photo) })],
            }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: photo.caption, color: '888888', size: 20 })] }),
          ]),
          new Paragraph({ children: [new TextRun({ text: `来源：${publisher}`, color: '888888', size: 20 })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};

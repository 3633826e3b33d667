/** The minutes as a Word document (docx): a title, then one paragraph per line, section heads in bold. */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** 一、二、三… : the minutes' section heads. */
const SECTION_HEAD = /^[一二三四五六七八九十]+、/;

export const minutesDocument = async (title: string, text: string): Promise<Uint8Array> => {
  const [first, ...rest] = text.split('\n');
  const document = new Document({
    title,
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: first ?? title, bold: true })] }),
          ...rest.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: SECTION_HEAD.test(line) })] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};

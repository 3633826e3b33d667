/**
 * Files of the learning library: which types each kind of material takes, the extension their keys
 * end in, and how big each may be. The API signs uploads with these and the app checks a picked file
 * against them before asking, so the member hears why at once.
 */
export type MaterialFileKind = 'document' | 'audio' | 'video';

const MB = 1024 * 1024;
export const MATERIAL_FILE_BYTES_MAX: Record<MaterialFileKind, number> = { document: 50 * MB, audio: 100 * MB, video: 500 * MB };

/** Every type an upload may declare, with its extension and the kind of material it fits. */
export const MATERIAL_FILE_TYPES = {
  'application/pdf': { extension: 'pdf', kind: 'document' },
  'application/msword': { extension: 'doc', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', kind: 'document' },
  'application/vnd.ms-powerpoint': { extension: 'ppt', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extension: 'pptx', kind: 'document' },
  'application/vnd.ms-excel': { extension: 'xls', kind: 'document' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', kind: 'document' },
  'audio/mpeg': { extension: 'mp3', kind: 'audio' },
  'audio/mp4': { extension: 'm4a', kind: 'audio' },
  'audio/aac': { extension: 'aac', kind: 'audio' },
  'video/mp4': { extension: 'mp4', kind: 'video' },
} as const satisfies Record<string, { extension: string; kind: MaterialFileKind }>;
export type MaterialFileType = keyof typeof MATERIAL_FILE_TYPES;

/** The extensions files of a kind (or of any kind) end in, for the pickers' filters and the keys' pattern. */
export const materialFileExtensions = (kind?: MaterialFileKind): string[] =>
  Object.values(MATERIAL_FILE_TYPES)
    .filter((type) => !kind || type.kind === kind)
    .map((type) => type.extension);
export const MATERIAL_FILE_EXTENSIONS = materialFileExtensions();

/** What each kind takes, in the words the form shows. */
export const MATERIAL_FILE_HINTS: Record<MaterialFileKind, string> = {
  document: `PDF、Word、PPT、Excel，不超过 ${MATERIAL_FILE_BYTES_MAX.document / MB} MB`,
  audio: `MP3、M4A、AAC，不超过 ${MATERIAL_FILE_BYTES_MAX.audio / MB} MB`,
  video: `MP4，不超过 ${MATERIAL_FILE_BYTES_MAX.video / MB} MB`,
};

const TYPE_OF_EXTENSION = new Map<string, MaterialFileType>(
  (Object.entries(MATERIAL_FILE_TYPES) as Array<[MaterialFileType, { extension: string }]>).map(([type, { extension }]) => [
    extension,
    type,
  ]),
);

/**
 * A picked file's type, from its name: WeChat's chooseMessageFile gives no type, and browsers name
 * the same file differently (`audio/x-m4a`, `audio/mp4`), so the extension decides on both.
 */
export const materialFileTypeOf = (fileName: string): MaterialFileType | undefined => {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension ? TYPE_OF_EXTENSION.get(extension) : undefined;
};

export const materialFileFits = (type: string, kind: string): boolean =>
  type in MATERIAL_FILE_TYPES && MATERIAL_FILE_TYPES[type as MaterialFileType].kind === kind;

/** Why a picked file cannot be this kind of material, in the words the form shows; undefined when it can. */
export const materialFileProblem = (file: { name: string; size: number }, kind: MaterialFileKind): string | undefined => {
  const type = materialFileTypeOf(file.name);
  if (!type || !materialFileFits(type, kind)) return `只能上传 ${MATERIAL_FILE_HINTS[kind]}`;
  if (file.size > MATERIAL_FILE_BYTES_MAX[kind]) return `文件不能超过 ${MATERIAL_FILE_BYTES_MAX[kind] / MB} MB`;
  return undefined;
};

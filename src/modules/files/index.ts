/*
 * The files module's public API (docs/adr/0002-module-walls.md): content-addressed storage under DATA_DIR/files,
 * the record of each upload, the type sniffed from the content, safe download headers. Other modules (the catalog's
 * forms today, dossiers later) decide who may upload and download, and call these.
 */
export { cleanFileName, contentDisposition } from './names';
export { checkUpload, findFile, findFiles, findUploads, readFileContent, type StoreFileRequest, storeFile } from './service';
export { FORM_MEDIA_TYPES, type MediaType, mediaTypes, sniffMediaType } from './sniff';

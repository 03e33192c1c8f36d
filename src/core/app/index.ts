export * from './protocol';
export { toExtractResult } from './review';
export { planItemRows, type RowsPlan, type TableWrite } from './rows';
export { cellEdits, type CellEdit } from './writebacks';
export { summarize } from './summary';
export { MinutesService, documentFingerprint, type DocumentPort, type ServicePorts } from './service';
export { ModelDocument } from './model-document';
export { parseChooseTaskList, parseInsertTemplate, parseReviewItem, parseSettings, parseWriteItems } from './requests';

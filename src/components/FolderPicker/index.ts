export { FolderPickerDialog, type FolderPickerDialogProps } from './FolderPickerDialog'
export { FolderPath } from './FolderPath'
export { disabledReasonFor, VIEW_ONLY_REASON, type FolderRules } from './folderRules'

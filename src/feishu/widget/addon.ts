/** AddonPort over the Docs add-on client API (@lark-opdev/block-docs-addon-api, an iframe postMessage client). */
import { BlockitClient } from '@lark-opdev/block-docs-addon-api';
import type { AddonPort } from './session';

export function docsAddon(): AddonPort {
  const api = new BlockitClient().initAPI();
  return {
    documentToken: async () => (await api.getActiveDocumentRef()).docToken,
    loginCode: () => api.Service.User.login(),
  };
}

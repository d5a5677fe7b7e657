// The catalogues, for tests that find things by the words a user sees in either language.
import enCommon from "../messages/en/common.json";
import zhCommon from "../messages/zh-CN/common.json";

export const ROLE_NAMES = { en: enCommon.roles, "zh-CN": zhCommon.roles } as const;

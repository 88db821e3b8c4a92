import { EN_SET } from './en.ts';
import { HE_SET } from './he.ts';
import { PL_SET } from './pl.ts';
import { RU_SET } from './ru.ts';
import type { LabelledSet } from './types.ts';
import { ZH_CN_SET } from './zh-cn.ts';
import { ZH_TW_SET } from './zh-tw.ts';

export const LABELLED_SETS: readonly LabelledSet[] = [EN_SET, RU_SET, PL_SET, HE_SET, ZH_CN_SET, ZH_TW_SET];

import { EN_FRESH } from './fresh/en.ts';
import { HE_FRESH } from './fresh/he.ts';
import { PL_FRESH } from './fresh/pl.ts';
import { RU_FRESH } from './fresh/ru.ts';
import { ZH_CN_FRESH } from './fresh/zh-cn.ts';
import { ZH_TW_FRESH } from './fresh/zh-tw.ts';
import { EN_HELD_OUT } from './held-out/en.ts';
import { HE_HELD_OUT } from './held-out/he.ts';
import { PL_HELD_OUT } from './held-out/pl.ts';
import { RU_HELD_OUT } from './held-out/ru.ts';
import { ZH_CN_HELD_OUT } from './held-out/zh-cn.ts';
import { ZH_TW_HELD_OUT } from './held-out/zh-tw.ts';
import { EN_SET } from './en.ts';
import { HE_SET } from './he.ts';
import { PL_SET } from './pl.ts';
import { RU_SET } from './ru.ts';
import type { LabelledSet } from './types.ts';
import { ZH_CN_SET } from './zh-cn.ts';
import { ZH_TW_SET } from './zh-tw.ts';

export const LABELLED_SETS: readonly LabelledSet[] = [EN_SET, RU_SET, PL_SET, HE_SET, ZH_CN_SET, ZH_TW_SET];

/** Notes written after the lexicons and never used to tune them (docs/lexicon.md). */
export const HELD_OUT_SETS: readonly LabelledSet[] = [
  EN_HELD_OUT,
  RU_HELD_OUT,
  PL_HELD_OUT,
  HE_HELD_OUT,
  ZH_CN_HELD_OUT,
  ZH_TW_HELD_OUT,
];

/** Notes written after the held-out round and measured once, with no cue added for them. */
export const FRESH_SETS: readonly LabelledSet[] = [EN_FRESH, RU_FRESH, PL_FRESH, HE_FRESH, ZH_CN_FRESH, ZH_TW_FRESH];

/*
 * The public sources the report's assumptions cite, as a reader would cite
 * them: who published what, when, and where it can be read. The project's
 * facts file (FACTS.md) gathered them; the report cites the sources, never
 * a file of this repository.
 */
import type { Bilingual } from './types.js';

/** A public source: the citation in both languages and where to read it. */
export interface Reference {
  text: Bilingual;
  url: string | null;
}

/** Every source the assumptions may cite, by key. */
export const REFERENCES = {
  seed: {
    text: {
      zh: '上海市人力资源和社会保障局咨询服务中心：《2020年财政项目支出绩效目标表》（12333热线咨询平台项目经费；12345服务热线专项经费），2019年。',
      en: 'Consulting Service Center, Shanghai Municipal Human Resources and Social Security Bureau: 2020 performance-target tables of project expenditure (12333 hotline consultation platform; 12345 hotline liaison), 2019.',
    },
    url: null,
  },
  labourDaily: {
    text: {
      zh: '《劳动报》：上海12333热线专题报道（日均来电近3万、359个坐席、407名咨询员、通话约3分钟、入夏来电同比增9%），约2016–2018年。',
      en: 'Labour Daily (劳动报), feature on Shanghai 12333 (nearly 30,000 calls a day, 359 seats, 407 consultants, calls of about 3 minutes, summer calls up 9% year on year), c. 2016-2018.',
    },
    url: 'https://www.51ldb.com/shsldb/ms/content/008ef76ffd03c001a69100163e31e632.html',
  },
  transformation: {
    text: {
      zh: '《中国劳动保障报》：打造上海人社政务“一网通办”总客服——上海12333转型发展研究（综合接通率由约50%升至80%以上、满意度99%、质检合格率98%、投诉率低于十万分之一、人员流失可控），2019年11月。',
      en: 'China Labour and Social Security News: the transformation of Shanghai 12333 (overall answer rate from about 50% to over 80%, satisfaction 99%, QA pass rate 98%, complaints below 1 in 100,000, staff losses under control), November 2019.',
    },
    url: 'http://rst.ln.gov.cn/ztzl/hfjs/tszs/201911/t20191129_3645824.html',
  },
  training: {
    text: {
      zh: '上海12333咨询员培训报道：上岗前半年集中培训、8次考试，2022年。',
      en: 'Report on the training of Shanghai 12333 consultants: half a year of training with 8 exams before taking calls, 2022.',
    },
    url: 'https://ctghr.com/post/1488.html',
  },
  gbt33358: {
    text: {
      zh: 'GB/T 33358-2016《政府热线服务规范》：电话应在15秒内接听。',
      en: 'GB/T 33358-2016, Specification for government hotline services: calls answered within 15 seconds.',
    },
    url: 'https://www.chinesestandards.org/standards/GB/T%2033358-2016',
  },
  holidays: {
    text: {
      zh: '国务院办公厅：关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）及延长2020年春节假期的通知（国办发明电〔2020〕1号）。',
      en: 'General Office of the State Council: notices on the 2020 public holidays (国办发明电〔2019〕16号) and on extending the 2020 Spring Festival holiday (国办发明电〔2020〕1号).',
    },
    url: null,
  },
  intraday: {
    text: {
      zh: '某市政务热线日内话务分布（工作日9–11时占28%、14–16时占26%），2023年11月。',
      en: 'Intraday call profile of a municipal public hotline (weekdays 09-11 h 28%, 14-16 h 26% of the day), November 2023.',
    },
    url: 'http://m.gzqhw.com/product/14.html',
  },
  selfService: {
    text: {
      zh: '宁夏人社厅：12333热线2020年第二、三季度运行情况（自助服务约占60%）；杭州12345（2018年自助语音占42%）；东营12333（2024年智能服务占29.3%）。',
      en: 'Ningxia HRSS department: 12333 hotline in Q2 and Q3 2020 (about 60% self-service); Hangzhou 12345 (42% self-service voice, 2018); Dongying 12333 (29.3% intelligent service, 2024).',
    },
    url: 'http://hrss.nx.gov.cn/zmhd/12333zx/zxdt/202010/t20201023_2265779.html',
  },
  patience: {
    text: {
      zh: 'Gans, Koole, Mandelbaum：Telephone call centers: tutorial, review, and research prospects，Manufacturing & Service Operations Management 5(2)，2003年（来电者耐心约2分钟量级，需单独建模）。',
      en: 'Gans, Koole and Mandelbaum, Telephone call centers: tutorial, review, and research prospects, Manufacturing & Service Operations Management 5(2), 2003 (caller patience of the order of 2 minutes, modelled on its own).',
    },
    url: null,
  },
  redials: {
    text: {
      zh: '呼叫中心行业常用数据：约33%的放弃来电者会再次拨打。',
      en: 'Call-center industry figure: about 33% of callers who abandon call again.',
    },
    url: 'http://www.responsedesign.com/fastfact/ensuringcallback.html',
  },
  shrinkage: {
    text: {
      zh: '呼叫中心排班中的缩减率（休息、会议、培训、缺勤）通常为30–35%。',
      en: 'Call-center shrinkage (breaks, meetings, training, absence), typically 30-35%.',
    },
    url: 'https://www.quicksprout.com/call-center-shrinkage/',
  },
  turnover: {
    text: {
      zh: '呼叫中心人员流失率：管理良好的中心每年20–30%，其余常超过35%。',
      en: 'Call-center staff turnover: 20-30% a year at well-run centers, often above 35% elsewhere.',
    },
    url: 'http://m.1330.cn/zhishi/1885770.html',
  },
  wages: {
    text: {
      zh: '上海普通话务员月薪6,000–7,000元（约2019–2021年）。',
      en: 'An ordinary phone agent in Shanghai earns 6,000-7,000 yuan a month (c. 2019-2021).',
    },
    url: 'http://m.1330.cn/zhishi/2132121.html',
  },
  anonymousBank: {
    text: {
      zh: 'Technion SEE 实验室：Anonymous Bank 呼叫中心1999年逐通记录；Brown 等，Statistical Analysis of a Telephone Call Center，JASA 100，2005年。',
      en: 'Technion SEE Laboratory: Anonymous Bank call-center records, 1999; Brown et al., Statistical Analysis of a Telephone Call Center: A Queueing-Science Perspective, JASA 100, 2005.',
    },
    url: null,
  },
} as const satisfies Record<string, Reference>;

/** The key of a reference in `REFERENCES`. */
export type ReferenceKey = keyof typeof REFERENCES;

/**
 * The sources a free-text source note points to, found by the marks it
 * carries (`SEED`, `GB/T 33358`, `国办发明电`, a section of the facts file...),
 * in the order of `REFERENCES`.
 *
 * @param note a source note as scenario files write it
 * @returns the keys of the references it names
 * @example
 * referencesIn('GB/T 33358-2016 (政府热线服务规范): answer within 15 s'); // => ['gbt33358']
 * referencesIn('SEED (2020 budget performance-target tables): 2020 budget'); // => ['seed']
 */
export function referencesIn(note: string): ReferenceKey[] {
  const marks: Record<ReferenceKey, RegExp> = {
    seed: /\bSEED\b/,
    labourDaily: /§1\.1|§1\.4|近3万|51ldb|summer surge/,
    transformation: /§1\.2|§3\.2|§3\.3|1 in 100,000/,
    training: /§1\.3|half a year of training/,
    gbt33358: /GB\/T 33358/,
    holidays: /国办发明电/,
    intraday: /gzqhw|09-11 = 28%/,
    selfService: /Ningxia|Hangzhou|Dongying/,
    patience: /literature ~2 min/,
    redials: /industry 33%/,
    shrinkage: /shrinkage \[S\]/,
    turnover: /§4\.3|20-30% a year/,
    wages: /§4\.2|loaded wage/,
    anonymousBank: /Anonymous Bank|Technion/,
  };
  return (Object.keys(marks) as ReferenceKey[]).filter((key) => marks[key].test(note));
}

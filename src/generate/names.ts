/**
 * Vocabulary of the synthetic organization: people's names, unit names, and OKR titles in the
 * users' language (zh-CN), built from small word lists so 10,000 people do not need a data file.
 */
import type { Rng } from './prng.js';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁婷雪琳晨欣怡佳悦思源博文睿哲嘉慧颖诗雨萱梓涵子轩一诺',
];

/** A person's name: a surname and one or two given-name characters. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北', '海外'];
const DEPARTMENTS = ['市场部', '销售部', '产品部', '运营部', '客户成功部', '渠道部', '品牌部'];
const TEAMS = ['增长', '品牌', '渠道', '大客户', '电商', '内容', '活动', '数据', '直销', '伙伴'];

/** The name of a unit at `level` (1 = the company), numbered so that siblings differ. */
export function unitName(rng: Rng, level: number, index: number, company: string): string {
  switch (level) {
    case 1:
      return company;
    case 2:
      return `${REGIONS[index % REGIONS.length]}事业部${index >= REGIONS.length ? ` ${Math.floor(index / REGIONS.length) + 1}` : ''}`;
    case 3:
      return `${rng.pick(DEPARTMENTS)} ${index + 1}`;
    case 4:
      return `${rng.pick(TEAMS)}组 ${index + 1}`;
    default:
      return `${rng.pick(TEAMS)}小队 ${index + 1}`;
  }
}

const OBJECTIVE_TITLES = [
  '打造行业领先的客户体验',
  '让更多目标客户认识并信任我们的品牌',
  '建立可持续增长的销售渠道',
  '提升重点产品的市场竞争力',
  '夯实数据驱动的运营能力',
  '拓展华东区域的重点客户',
  '让新产品成功上市并赢得首批客户',
  '打造高效协同的团队',
  '提高客户留存与复购',
  '构建健康的合作伙伴生态',
  '让一线销售更高效',
  '把内容营销做成增长引擎',
  '赢得大客户的长期信任',
  '让客户服务成为口碑来源',
  '提升线索到成交的转化效率',
];

/** An objective's title (qualitative, as the methodology asks). */
export function objectiveTitle(rng: Rng): string {
  return rng.pick(OBJECTIVE_TITLES);
}

export interface MetricTemplate {
  title: (start: number, target: number) => string;
  metricType: 'number' | 'percent' | 'currency' | 'boolean';
  unit: string | null;
  /** [start, target] ranges; a decrease template has target below start */
  start: [number, number];
  gain: [number, number];
  decrease?: boolean;
  /** values are rounded to this many decimals */
  decimals: number;
}

const fmt = (x: number) => String(x);

export const METRICS: readonly MetricTemplate[] = [
  {
    title: (s, t) => `新增有效线索从 ${fmt(s)} 条提升到 ${fmt(t)} 条`,
    metricType: 'number',
    unit: '条',
    start: [200, 2000],
    gain: [0.2, 0.8],
    decimals: 0,
  },
  {
    title: (s, t) => `季度签约客户数从 ${fmt(s)} 家增长到 ${fmt(t)} 家`,
    metricType: 'number',
    unit: '家',
    start: [10, 120],
    gain: [0.2, 0.6],
    decimals: 0,
  },
  {
    title: (s, t) => `线索转化率从 ${fmt(s)}% 提升到 ${fmt(t)}%`,
    metricType: 'percent',
    unit: '%',
    start: [5, 30],
    gain: [0.15, 0.5],
    decimals: 1,
  },
  {
    title: (s, t) => `客户满意度 NPS 从 ${fmt(s)} 提升到 ${fmt(t)}`,
    metricType: 'number',
    unit: '分',
    start: [20, 50],
    gain: [0.15, 0.4],
    decimals: 0,
  },
  {
    title: (s, t) => `季度销售额从 ${fmt(s)} 万元增长到 ${fmt(t)} 万元`,
    metricType: 'currency',
    unit: '万元',
    start: [100, 3000],
    gain: [0.15, 0.5],
    decimals: 0,
  },
  {
    title: (s, t) => `获客成本从 ${fmt(s)} 元降低到 ${fmt(t)} 元`,
    metricType: 'currency',
    unit: '元',
    start: [300, 1500],
    gain: [0.15, 0.35],
    decrease: true,
    decimals: 0,
  },
  {
    title: (s, t) => `客户流失率从 ${fmt(s)}% 降低到 ${fmt(t)}%`,
    metricType: 'percent',
    unit: '%',
    start: [8, 25],
    gain: [0.2, 0.5],
    decrease: true,
    decimals: 1,
  },
  {
    title: (s, t) => `平均响应时间从 ${fmt(s)} 小时缩短到 ${fmt(t)} 小时`,
    metricType: 'number',
    unit: '小时',
    start: [8, 48],
    gain: [0.3, 0.6],
    decrease: true,
    decimals: 0,
  },
  {
    title: (s, t) => `复购客户占比从 ${fmt(s)}% 提升到 ${fmt(t)}%`,
    metricType: 'percent',
    unit: '%',
    start: [10, 40],
    gain: [0.15, 0.4],
    decimals: 1,
  },
  {
    title: () => '新版报价系统在全部区域上线并被销售使用',
    metricType: 'boolean',
    unit: null,
    start: [0, 0],
    gain: [1, 1],
    decimals: 0,
  },
  {
    title: () => '与三家头部渠道伙伴签署年度合作协议',
    metricType: 'boolean',
    unit: null,
    start: [0, 0],
    gain: [1, 1],
    decimals: 0,
  },
];

const ACTIONS = [
  '梳理目标客户名单',
  '完成竞品分析报告',
  '组织客户回访',
  '上线新的落地页',
  '举办区域客户沙龙',
  '优化销售话术',
  '搭建数据看板',
  '培训新入职销售',
  '签署渠道合作协议',
  '复盘上月活动效果',
];

export function actionTitle(rng: Rng): string {
  return rng.pick(ACTIONS);
}

const NOTES = [
  '本周按计划推进',
  '重点客户已完成拜访',
  '活动效果好于预期',
  '进度略慢，下周加快',
  '数据已核对',
  '与销售团队对齐了目标',
  '新渠道开始贡献线索',
  '预算审批已通过',
];
const BLOCKERS = ['等待法务审核合同', '预算尚未到位', '关键岗位仍在招聘', '系统接口延期'];

export function checkInNote(rng: Rng): string {
  return rng.pick(NOTES);
}
export function checkInBlocker(rng: Rng): string {
  return rng.pick(BLOCKERS);
}

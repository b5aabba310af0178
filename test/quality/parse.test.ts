import { describe, expect, it } from 'vitest';
import { detectLocale, parseKeyResult } from '../../src/domain/quality/index.js';
import {
  maskNonQuantities,
  normalizeText,
  parseChineseNumeral,
  scanNumbers,
} from '../../src/domain/quality/numbers.js';

const values = (text: string) =>
  scanNumbers(maskNonQuantities(normalizeText(text))).map((t) => t.value);

describe('parseKeyResult: the examples of the issue', () => {
  it('reads 线索转化率从8%提升到12% as percent 8 → 12, increase', () => {
    expect(parseKeyResult('线索转化率从8%提升到12%')).toMatchObject({
      metricType: 'percent',
      unit: '%',
      startValue: 8,
      targetValue: 12,
      direction: 'increase',
    });
  });

  it('reads 客户流失率从10%降低到6% as percent 10 → 6, decrease', () => {
    expect(parseKeyResult('客户流失率从10%降低到6%')).toMatchObject({
      metricType: 'percent',
      startValue: 10,
      targetValue: 6,
      direction: 'decrease',
    });
  });

  it('reads 官网月访问量从2万提升到5万 as number 20000 → 50000', () => {
    expect(parseKeyResult('官网月访问量从2万提升到5万')).toMatchObject({
      metricType: 'number',
      startValue: 20000,
      targetValue: 50000,
      direction: 'increase',
    });
  });

  it('reads Cut churn from 5% to 3% as percent, decrease', () => {
    expect(parseKeyResult('Cut churn from 5% to 3%')).toMatchObject({
      metricType: 'percent',
      startValue: 5,
      targetValue: 3,
      direction: 'decrease',
    });
  });
});

describe('parseKeyResult: amounts and currencies', () => {
  it('expands $2M to 2000000 USD', () => {
    expect(parseKeyResult('Close $2M in new ARR')).toMatchObject({
      metricType: 'currency',
      unit: 'USD',
      targetValue: 2_000_000,
    });
  });

  it('expands 500万元 to 5000000 CNY', () => {
    expect(parseKeyResult('新签合同额达到500万元')).toMatchObject({
      metricType: 'currency',
      unit: 'CNY',
      targetValue: 5_000_000,
      direction: 'increase',
    });
  });

  it('expands 1.5亿 to 150000000 and reads a bare amount of sales as CNY', () => {
    expect(parseKeyResult('年度销售额突破1.5亿')).toMatchObject({
      metricType: 'currency',
      unit: 'CNY',
      targetValue: 150_000_000,
      direction: 'increase',
    });
  });

  it('reads a bare amount of revenue in English as USD', () => {
    expect(parseKeyResult('Grow pipeline to 3M')).toMatchObject({
      metricType: 'currency',
      unit: 'USD',
      targetValue: 3_000_000,
    });
  });

  it('reads k, M, thousands separators and 万/亿/千 multipliers', () => {
    expect(parseKeyResult('Grow organic sessions from 40k to 65k')).toMatchObject({
      startValue: 40_000,
      targetValue: 65_000,
    });
    expect(parseKeyResult('Reach 2,000 sign-ups').targetValue).toBe(2000);
    expect(parseKeyResult('Hit 1.2M API calls per day').targetValue).toBe(1_200_000);
    expect(values('3千名用户')).toEqual([3000]);
    expect(values('5千万元')).toEqual([50_000_000]);
  });

  it('reads ¥, € and RMB prefixes', () => {
    expect(parseKeyResult('Keep CAC under ¥800')).toMatchObject({ unit: 'CNY', targetValue: 800 });
    expect(parseKeyResult('Bookings reach €1.5M')).toMatchObject({
      unit: 'EUR',
      targetValue: 1_500_000,
    });
  });
});

describe('parseKeyResult: Chinese numbers', () => {
  it('reads 百分之八 and 百分之十五 as percents', () => {
    expect(parseKeyResult('点击率提升到百分之十五')).toMatchObject({
      metricType: 'percent',
      targetValue: 15,
    });
    expect(parseKeyResult('退款率降低到百分之八以下')).toMatchObject({
      targetValue: 8,
      direction: 'decrease',
    });
  });

  it('reads 三成 as 30 % and 三成五 as 35 %', () => {
    expect(parseKeyResult('复购用户占比达到三成')).toMatchObject({
      metricType: 'percent',
      targetValue: 30,
    });
    expect(values('占比三成五')).toEqual([35]);
  });

  it('doubles the start for 翻一番 and multiplies it for 1.5倍', () => {
    expect(parseKeyResult('SEO流量从每月4万翻一番')).toMatchObject({
      startValue: 40_000,
      targetValue: 80_000,
      direction: 'increase',
    });
    expect(parseKeyResult('月活从8万增长到1.5倍')).toMatchObject({
      startValue: 80_000,
      targetValue: 120_000,
    });
    expect(parseKeyResult('新客户数从200家翻两番').targetValue).toBe(800);
  });

  it('applies a relative change to the start: 从500万元增长30%', () => {
    expect(parseKeyResult('营收从500万元增长30%')).toMatchObject({
      startValue: 5_000_000,
      targetValue: 6_500_000,
      metricType: 'currency',
    });
    expect(parseKeyResult('转化率从8%提升2个百分点')).toMatchObject({
      startValue: 8,
      targetValue: 10,
    });
  });

  it('counts with classifiers, including Chinese numerals (三家, 两场)', () => {
    expect(parseKeyResult('签约三家头部渠道商')).toMatchObject({ targetValue: 3, unit: '家' });
    expect(values('举办两场发布会')).toEqual([2]);
  });

  it('reads Chinese numerals with magnitudes', () => {
    expect(parseChineseNumeral('十五')).toBe(15);
    expect(parseChineseNumeral('二十八')).toBe(28);
    expect(parseChineseNumeral('一百二十')).toBe(120);
    expect(parseChineseNumeral('两千五百')).toBe(2500);
    expect(parseChineseNumeral('三万五千')).toBe(35_000);
    expect(parseChineseNumeral('五千万')).toBe(50_000_000);
    expect(parseChineseNumeral('一亿')).toBe(100_000_000);
    expect(parseChineseNumeral('三点五')).toBe(3.5);
    expect(parseChineseNumeral('万达')).toBeNaN();
  });

  it('reads full-width digits and percent signs', () => {
    expect(parseKeyResult('转化率从８％提升到１２％')).toMatchObject({
      startValue: 8,
      targetValue: 12,
    });
  });

  it('treats a lone 一 before a classifier as an article, not a number', () => {
    expect(values('建立一套客户分层体系')).toEqual([]);
    expect(values('一次解决率达到80%')).toEqual([80]);
  });

  it('reads a target of zero (事故为零, zero P1 incidents) as a decrease to 0', () => {
    expect(parseKeyResult('严重线上事故为零')).toMatchObject({
      targetValue: 0,
      direction: 'decrease',
    });
    expect(parseKeyResult('Zero data-loss incidents')).toMatchObject({
      targetValue: 0,
      direction: 'decrease',
    });
    expect(values('零售渠道')).toEqual([]);
  });
});

describe('parseKeyResult: direction cues', () => {
  it.each([
    ['老客户续约率不低于90%', 90],
    ['官网注册转化率达到3.5%', 3.5],
    ['短视频播放量突破1000万', 10_000_000],
    ['Net revenue retention of at least 110%', 110],
    ['Reach 50,000 newsletter subscribers', 50_000],
    ['Mobile app rating of 4.6 or higher', 4.6],
    ['电话接通率保持在98%以上', 98],
  ])('%s → target %d, increase', (text, target) => {
    expect(parseKeyResult(text)).toMatchObject({ targetValue: target, direction: 'increase' });
  });

  it.each([
    ['平均处理时长控制在6分钟以内', 6],
    ['首页加载时间缩短到1.5秒以内', 1.5],
    ['退款率降低到2%', 2],
    ['客户投诉量每月不超过20件', 20],
    ['Keep blended CAC under $400', 400],
    ['Average handle time under 6 minutes', 6],
    ['Reduce churned ARR to under $150k', 150_000],
    ['Fewer than 5 P1 bugs open at any time', 5],
    ['Time to first response: 2 hours or less', 2],
  ])('%s → target %d, decrease', (text, target) => {
    expect(parseKeyResult(text)).toMatchObject({ targetValue: target, direction: 'decrease' });
  });

  it('reads decrease verbs in ranges (降低, 缩短, 压缩至, reduce, drop)', () => {
    expect(parseKeyResult('平均销售周期从90天缩短到60天').direction).toBe('decrease');
    expect(parseKeyResult('客诉处理时长由48小时压缩至24小时').direction).toBe('decrease');
    expect(parseKeyResult('Drop resolution time from 30 hours to 12 hours').direction).toBe(
      'decrease',
    );
  });

  it('reads a lower-is-better metric with no cue as a decrease', () => {
    expect(parseKeyResult('Churn at 3% per month').direction).toBe('decrease');
    // …but the counted thing after the number is not the metric
    expect(parseKeyResult('Win back 30 churned accounts').direction).toBe('increase');
  });

  it('reads a share (95%的工单, 90% of tickets) as the target, not the time limit', () => {
    expect(parseKeyResult('95%的工单在24小时内解决')).toMatchObject({
      metricType: 'percent',
      targetValue: 95,
      direction: 'increase',
    });
    expect(parseKeyResult('Resolve 90% of tickets within 24 hours')).toMatchObject({
      targetValue: 90,
      direction: 'increase',
    });
  });

  it('gives a relative change with no start a direction but no target', () => {
    const grow = parseKeyResult('华南区销售额同比增长25%');
    expect(grow.direction).toBe('increase');
    expect(grow.targetValue).toBeUndefined();
    expect(grow.startValue).toBeUndefined();
    expect(parseKeyResult('Cut refund requests by 40%').direction).toBe('decrease');
    expect(parseKeyResult('Grow EMEA revenue 40% year over year').targetValue).toBeUndefined();
    expect(parseKeyResult('Triple active integrations').direction).toBe('increase');
    expect(parseKeyResult('用户反馈的严重缺陷数量减少一半').direction).toBe('decrease');
  });

  it('takes the start from a baseline cue (当前8%, currently 8%)', () => {
    expect(parseKeyResult('线索转化率达到12%（当前8%）')).toMatchObject({
      startValue: 8,
      targetValue: 12,
    });
    expect(parseKeyResult('Reach 12% conversion (currently 8%)')).toMatchObject({
      startValue: 8,
      targetValue: 12,
    });
  });
});

describe('parseKeyResult: time units', () => {
  it.each([
    ['平均销售周期从90天缩短到60天', '天'],
    ['工单首次响应时间从4小时缩短到1小时', '小时'],
    ['平均处理时长控制在6分钟以内', '分钟'],
    ['Shorten the average sales cycle from 75 to 55 days', 'days'],
    ['Reduce first response time from 4 hours to 1 hour', 'hours'],
  ])('%s is a number metric in %s', (text, unit) => {
    expect(parseKeyResult(text)).toMatchObject({ metricType: 'number', unit });
  });

  it('puts a range with two time units on one scale (从两周缩短到三天 → 14 → 3 days)', () => {
    expect(parseKeyResult('上手时间从两周缩短到三天')).toMatchObject({
      startValue: 14,
      targetValue: 3,
      unit: '天',
      direction: 'decrease',
    });
  });
});

describe('parseKeyResult: numbers that are not quantities', () => {
  it.each([
    'Q3前上线新版官网',
    '2025年第二季度提升社交媒体活跃度',
    '发布移动端2.0版本',
    '提升新用户7日留存率',
    'Improve D30 retention',
    'Ship v2.0 of the mobile app',
    'Achieve SOC 2 Type II certification',
    '通过ISO 27001信息安全认证',
    'Build a world-class, 24/7 support experience',
    'Win the mid-market in 2025',
    'Become the #1 choice for HR teams',
    '研发评审会每两周召开一次',
    '3月底前完成CRM迁移',
    'Launch the pricing page by March 31',
  ])('%s has no metric', (text) => {
    expect(parseKeyResult(text)).toEqual({ confidence: 0 });
  });

  it('reads the target beside a qualifier (7日留存率从20%提升到28%, 30天内回款率达到95%)', () => {
    expect(parseKeyResult('新用户7日留存率从20%提升到28%')).toMatchObject({
      startValue: 20,
      targetValue: 28,
    });
    expect(parseKeyResult('30天内回款率达到95%').targetValue).toBe(95);
    expect(parseKeyResult('Increase 7-day retention from 25% to 32%')).toMatchObject({
      startValue: 25,
      targetValue: 32,
    });
  });
});

describe('parseKeyResult: output shape', () => {
  it('leaves out the fields it cannot read', () => {
    expect(Object.keys(parseKeyResult('签约20家新客户')).sort()).toEqual(
      ['confidence', 'direction', 'metricType', 'targetValue', 'unit'].sort(),
    );
    expect(parseKeyResult('提升客户满意度')).toEqual({ confidence: 0 });
    expect(parseKeyResult('')).toEqual({ confidence: 0 });
  });

  it('keeps confidence within 0–1, highest for a full range', () => {
    const range = parseKeyResult('线索转化率从8%提升到12%').confidence;
    const bare = parseKeyResult('签约20家新客户').confidence;
    expect(range).toBeGreaterThan(bare);
    for (const c of [range, bare, parseKeyResult('销售额增长25%').confidence]) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('sets the currency of a bare amount from the locale', () => {
    expect(parseKeyResult('Revenue reaches 2M', 'zh-CN').unit).toBe('CNY');
    expect(parseKeyResult('Revenue reaches 2M', 'en').unit).toBe('USD');
  });
});

describe('detectLocale', () => {
  it('is zh-CN when the text has Chinese characters, else en', () => {
    expect(detectLocale('线索转化率从8%提升到12%')).toBe('zh-CN');
    expect(detectLocale('NPS从32提升到45')).toBe('zh-CN');
    expect(detectLocale('Cut churn from 5% to 3%')).toBe('en');
    expect(detectLocale('')).toBe('en');
  });
});

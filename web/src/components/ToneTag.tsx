import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Colours with at least 4.5:1 contrast at 12 px (antd's preset tag colours fall short). */
const TONES = {
  green: { color: '#1a7f0e', background: '#eafae6' },
  red: { color: '#b3261e', background: '#fdecec' },
  blue: { color: '#1d4ed8', background: '#eef3ff' },
  orange: { color: '#a85400', background: '#fff3e0' },
  grey: { color: '#4e5969', background: '#f2f3f5' },
} as const;

export type Tone = keyof typeof TONES;

/** A tag in one of a few accessible tones. */
export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={{ ...TONES[tone], borderColor: 'transparent' }}>{children}</Tag>;
}

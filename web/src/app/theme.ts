/** Ant Design theme: Feishu-like blue with text colours that keep WCAG AA contrast. */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#245bdb',
    colorLink: '#245bdb',
    colorInfo: '#245bdb',
    colorSuccess: '#1a7f0e',
    colorWarning: '#b25e00',
    colorError: '#c02a26',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 8,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f6f7', headerPadding: '0 16px' },
    Menu: { itemSelectedColor: '#245bdb' },
  },
};

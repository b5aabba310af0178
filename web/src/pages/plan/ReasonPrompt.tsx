/** Asks why an approved plan changes (the seed's 及时调整: every adjustment has a reason). */
import { Input, Modal, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** `ask()` resolves with the reason, or null when the dialog is closed. */
export function useReasonPrompt(): [() => Promise<string | null>, React.ReactNode] {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const resolver = useRef<((v: string | null) => void) | null>(null);
  const ask = useCallback(
    () =>
      new Promise<string | null>((resolve) => {
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );
  const finish = (value: string | null) => {
    resolver.current?.(value);
    resolver.current = null;
    setOpen(false);
    // a reason given belongs to that change: the next one starts empty (a cancel keeps the text)
    if (value !== null) setText('');
  };
  const element = (
    <Modal
      open={open}
      // above the dialog that asked (e.g. the key result form), however often either opens
      zIndex={1100}
      title={t('plan.reasonTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: text.trim() === '' }}
      onOk={() => finish(text.trim())}
      onCancel={() => finish(null)}
    >
      <Typography.Paragraph>{t('plan.reasonHelp')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('plan.reason')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3 }}
        maxLength={1000}
        autoFocus
      />
    </Modal>
  );
  return [ask, element];
}

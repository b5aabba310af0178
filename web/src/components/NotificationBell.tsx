/**
 * The bell in the header: the number of unread notifications (GET /notifications?unread=true),
 * a menu of them (choosing one marks it read and opens what it is about) and "mark all read".
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, type MenuProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { inbox as inboxApi } from '../api/endpoints';
import type { AppNotification } from '../api/types';

function linkOf(n: AppNotification): string {
  const targetType = n.data['commentTargetType'];
  const targetId = n.data['commentTargetId'];
  if (targetType === 'keyResult' && typeof targetId === 'string') return `/key-results/${targetId}`;
  if (n.targetType === 'keyResult' && n.targetId) return `/key-results/${n.targetId}`;
  if (n.planId) return `/plans/${n.planId}`;
  return '/';
}

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [more, setMore] = useState(false);
  const latest = useRef(0);

  /** loads the unread ones; an answer overtaken by a later load is dropped */
  const load = useCallback(async () => {
    const run = ++latest.current;
    try {
      const page = await inboxApi.unread();
      if (run !== latest.current) return;
      setItems(page.items);
      setMore(page.nextCursor !== null);
    } catch {
      // the bell stays as it was; the screens show their own errors
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, location.pathname]);

  const count = items.length;
  const label = more
    ? t('notifications.unreadMany', { count })
    : t('notifications.unread', { count });
  const menu: MenuProps['items'] =
    count === 0
      ? [{ key: 'none', label: t('notifications.none'), disabled: true }]
      : [
          ...items.map((n) => ({
            key: n.id,
            label: t(`notifications.kind.${n.kind}`, {
              name: n.actorName ?? '',
              title: n.title ?? '',
              defaultValue: n.title ?? '',
            }),
          })),
          { type: 'divider' as const },
          { key: 'all', label: t('notifications.markAll') },
        ];

  return (
    <Dropdown
      trigger={['click']}
      // opened by keyboard, the menu takes the focus: arrows move, Enter chooses, Escape closes
      autoFocus
      onOpenChange={(open) => open && void load()}
      menu={{
        items: menu,
        onClick: ({ key }) => {
          if (key === 'all') {
            void inboxApi.markAllRead().then(load, load);
            return;
          }
          const n = items.find((x) => x.id === key);
          if (!n) return;
          setItems((old) => old.filter((x) => x.id !== key));
          void navigate(linkOf(n));
          // load again once it is read (the page change's load may answer before that)
          void inboxApi
            .markRead(n.id)
            .catch(() => undefined)
            .then(load);
        },
      }}
    >
      <Button type="text" aria-label={label} className="notification-bell">
        <Badge count={count} overflowCount={more ? 19 : 99} size="small">
          <BellOutlined aria-hidden className="bell-icon" />
        </Badge>
      </Button>
    </Dropdown>
  );
}

/**
 * Short confirmations and errors ("Saved", "Could not save") at the top of the screen, themed.
 * Only antd's message is loaded here (antd's App would also bring modal and notification into
 * the first screen's JavaScript).
 */
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, useContext, type ReactNode } from 'react';

const FeedbackContext = createContext<MessageInstance | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <FeedbackContext.Provider value={api}>
      {holder}
      {children}
    </FeedbackContext.Provider>
  );
}

/** `{ message }` as antd's App.useApp() gives it. */
export function useFeedback(): { message: MessageInstance } {
  const api = useContext(FeedbackContext);
  if (!api) throw new Error('useFeedback outside FeedbackProvider');
  return { message: api };
}

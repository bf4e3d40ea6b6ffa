/** Renders the whole page around a fake (or given) store, as the app does. */
import { render } from '@testing-library/react';
import { EngineProvider } from '../../src/ui/shell/EngineContext';
import type { EngineStore } from '../../src/store/engineStore';
import { Visualiser } from '../../src/ui/shell/Visualiser';
import { createFakeStore } from './fakeStore';

export function renderPage(store: EngineStore = createFakeStore(), embed = false) {
  const onScenarioChange = (): void => undefined;
  const utils = render(
    <EngineProvider store={store}>
      <Visualiser scenario="teaching" onScenarioChange={onScenarioChange} embed={embed} />
    </EngineProvider>,
  );
  return { store, ...utils };
}

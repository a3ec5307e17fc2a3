import { addons } from 'storybook/manager-api';

addons.setConfig({
  // Storybook 10.6's zoom popover is the one toolbar control built without an aria label, and logs
  // "The `ariaLabel` prop on `PopoverProvider` will become mandatory" on every load; the browser's own
  // zoom does the same job.
  toolbar: { zoom: { hidden: true } },
});

import type { Dictionary } from '../dictionary';

export const listsEn: Dictionary['lists'] = {
  placeholder: '',
};

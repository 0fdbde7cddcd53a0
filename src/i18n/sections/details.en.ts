import type { Dictionary } from '../dictionary';

export const detailsEn: Dictionary['details'] = {
  placeholder: '',
};

/** Vietnamese strings of the product list and cooperative directory. */
export const listsVi = {
  placeholder: '',
} as const;

/** Vietnamese strings of the product, cooperative and province pages. */
export const detailsVi = {
  placeholder: '',
} as const;

export interface PageRequest {
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export function toOffset(req: PageRequest): { page: number; pageSize: number; offset: number; limit: number } {
  const page = req.page ?? 1;
  const pageSize = req.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

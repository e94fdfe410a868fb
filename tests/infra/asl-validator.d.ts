declare module "asl-validator" {
  type Result = { isValid: boolean; errors: { message: string }[] };
  function validator(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): Result;
  export = validator;
}

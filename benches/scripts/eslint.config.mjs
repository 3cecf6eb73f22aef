// What a team would write today to catch a mini program shared to WeChat Moments: ESLint's
// `no-restricted-syntax` with an AST selector, TypeScript and JSX read by @typescript-eslint's
// parser. It sees only literals written inside the call (not a `const` elsewhere, not an alias
// of the SDK), which is all a selector can see.
import tsParser from "@typescript-eslint/parser";

export default [
  {
    files: ["**/*.{js,jsx,ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name='shareMessage'] ObjectExpression:has(> Property[key.name='type'][value.value='miniProgram']) > Property[key.name='channelType'] Literal[value='wx_moments']",
          message: "a mini program cannot be shared to wx_moments",
        },
      ],
    },
  },
];

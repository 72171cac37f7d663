// cors-core writes its sentences with `backticks` around header names and values (they are the exact
// bytes that matter). Render those spans as code instead of showing the backticks.
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks leaves an unclosed span: show the text as it is rather than guess.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}

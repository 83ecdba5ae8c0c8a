import { Code, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import classes from './JsonTree.module.css';

/** A collapsible view of any JSON value; objects and arrays below `openDepth` start closed. */
export function JsonTree({ value, name, depth = 0, openDepth = 1 }: { value: unknown; name?: string; depth?: number; openDepth?: number }) {
  const [open, setOpen] = useState(depth < openDepth);
  const label = name === undefined ? null : <span className={classes.key}>{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className={classes.line}>
        {label}
        <Code className={classes[typeof value] ?? classes.null}>{JSON.stringify(value)}</Code>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div className={classes.line}>
        {label}
        <Code className={classes.null}>{brackets.join('')}</Code>
      </div>
    );
  }
  return (
    <div className={classes.line}>
      <UnstyledButton onClick={() => setOpen(!open)} className={classes.toggle} aria-expanded={open}>
        {open ? '▾' : '▸'} {label}
        {brackets[0]}
        {!open && `… ${entries.length} ${entries.length === 1 ? 'item' : 'items'}${brackets[1]}`}
      </UnstyledButton>
      {open && (
        <div className={classes.children}>
          {entries.map(([key, item]) => (
            <JsonTree key={key} name={key} value={item} depth={depth + 1} openDepth={openDepth} />
          ))}
          {brackets[1]}
        </div>
      )}
    </div>
  );
}

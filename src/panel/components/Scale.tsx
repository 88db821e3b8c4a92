// A row of radio buttons for a rating scale: real radios, so keyboard, screen readers and tests all
// reach each point by its label.
import type { ComponentChildren } from 'preact';

export interface ScaleOption {
  value: number;
  label: ComponentChildren;
  title: string;
}

export function Scale(props: {
  name: string;
  legend: string;
  options: ScaleOption[];
  value: number | null;
  onChange: (value: number | null) => void;
  ends?: [string, string];
  clearLabel?: string;
}) {
  return (
    <fieldset class="scale" data-scale={props.name}>
      <legend>{props.legend}</legend>
      <div class="scale__points">
        {props.options.map((option) => (
          <label
            class={`scale__point${props.value === option.value ? ' is-on' : ''}`}
            title={option.title}
            key={option.value}
          >
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              aria-label={option.title}
              onChange={() => props.onChange(option.value)}
            />
            <span aria-hidden="true">{option.label}</span>
          </label>
        ))}
        {props.clearLabel && props.value !== null && (
          <button type="button" class="link scale__clear" onClick={() => props.onChange(null)}>
            {props.clearLabel}
          </button>
        )}
      </div>
      {props.ends && (
        <div class="scale__ends" aria-hidden="true">
          <span>{props.ends[0]}</span>
          <span>{props.ends[1]}</span>
        </div>
      )}
    </fieldset>
  );
}

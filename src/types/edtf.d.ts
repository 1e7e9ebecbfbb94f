// edtf ships no type declarations; only what coop uses is declared.
declare module 'edtf' {
  interface Extended {
    min: number;
    max: number;
    type: string;
    edtf: string;
  }
  function edtf(text: string): Extended;
  export function parse(text: string): { type: string; level: number };
  export default edtf;
}

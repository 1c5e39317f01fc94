// autocannon ships no types; this is the part of its API the benchmark uses.
declare module "autocannon" {
  type Result = {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  export default function autocannon(options: { url: string; duration: number; connections: number }): Promise<Result>;
}

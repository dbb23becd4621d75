/** CycloneDX SBOM generation, diff and report rendering. */
export {};

import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * The baseline of bench/storefront.ts (repository root): a bare SvelteKit app, built like the storefront
 * (adapter-node), whose one page renders the same 100 product cards from memory.
 */
export default defineConfig({ plugins: [sveltekit({ adapter: adapter() })] });

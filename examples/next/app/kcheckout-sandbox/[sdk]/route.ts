// GET /kcheckout-sandbox/<sdk>.js: the sandbox's stand-in for a vendor SDK script, at the plain URL
// sandboxScriptPath(sdk) names, so a Server Component can pass it as `scriptSrc`.
export { handleSandboxScript as GET } from '@kcheckout/sandbox';

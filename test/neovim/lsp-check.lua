-- Drives the FlowTime language server from Neovim's built-in LSP client (headless) and writes what it saw as JSON.
-- Neovim 0.7 has no vim.lsp.start, so this uses start_client + buf_attach_client (works on later versions too).
-- Input: a JSON file named by $FLOWTIME_NVIM_CONFIG with {server, document, out, positions = {completion, hover,
-- definition, rename}, newName}. Output: $out with every answer; exit code 1 (cquit) when something is missing.
local config = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('FLOWTIME_NVIM_CONFIG')), '\n'))
local out = { log = {} }
local function log(msg) table.insert(out.log, msg) end
local function finish(code)
  vim.fn.writefile({ vim.fn.json_encode(out) }, config.out)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local published
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
  if result and #result.diagnostics > 0 then published = result end
  return default_publish(err, result, ctx, cfg)
end

local client_id = vim.lsp.start_client({
  name = 'flowtime',
  cmd = { config.node, config.server, '--stdio' },
  root_dir = vim.fn.fnamemodify(config.document, ':h'),
  settings = { flowtime = { divergenceWarnings = 'warning' } },
})
if not client_id then
  log('start_client failed')
  return finish(1)
end

vim.cmd('edit ' .. vim.fn.fnameescape(config.document))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'yaml'
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(30000, function() return published ~= nil end, 20) then
  log('no diagnostics within 30 s')
  return finish(1)
end
out.published = published
-- What Neovim itself stored (proves its diagnostic framework took the publish).
out.stored = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(out.stored, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message })
end

local uri = vim.uri_from_bufnr(bufnr)
local function request(method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, 30000)
  if not answers then
    log(method .. ' failed: ' .. tostring(err))
    return nil
  end
  local answer = answers[client_id]
  if not answer then return nil end
  if answer.err then
    log(method .. ' error: ' .. vim.inspect(answer.err))
    return { error = answer.err.message }
  end
  return answer.result
end
local function at(pos) return { textDocument = { uri = uri }, position = pos } end

out.completion = request('textDocument/completion', at(config.positions.completion))
out.hover = request('textDocument/hover', at(config.positions.hover))
out.definition = request('textDocument/definition', at(config.positions.definition))
local rename_params = at(config.positions.rename)
rename_params.newName = config.newName
out.rename = request('textDocument/rename', rename_params)
if out.rename and out.rename.changes then
  vim.lsp.util.apply_workspace_edit(out.rename, 'utf-16')
  out.renamedText = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end
out.info = request('flowtime/documentInfo', { uri = uri })

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
finish(0)

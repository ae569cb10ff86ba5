-- Drives the FlowTime language server from Neovim's built-in LSP client (headless) and writes what it saw as JSON.
-- Neovim 0.7 has no vim.lsp.start, so this uses start_client + buf_attach_client (works on later versions too).
-- Input: a JSON file named by $FLOWTIME_NVIM_CONFIG: {node, server, out, timeout, model, template, divergent}, each
-- document {path, positions…} (see neovim.test.ts). Output: $out = {log, scenarios = {name = {…, error?}}}; neovim.test.ts
-- asserts on it. Exit code 1 (cquit) when setup failed or a scenario raised. Waits are deadlines (vim.wait with a
-- condition), never sleeps.
local config = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('FLOWTIME_NVIM_CONFIG')), '\n'))
local TIMEOUT = config.timeout
local out = { log = {}, scenarios = {} }
local function log(msg) table.insert(out.log, msg) end
local failed = false
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, config.out)
  if failed or #out.log > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

-- Every publish (empty ones too, so "the diagnostic disappeared" can be seen), per client.
local publishes = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
  if result then
    table.insert(publishes, { client_id = ctx.client_id, uri = result.uri, version = result.version, diagnostics = result.diagnostics })
  end
  return default_publish(err, result, ctx, cfg)
end

-- What the server asked through workspace/configuration and what Neovim's own handler answered from `settings`.
local configuration_asks = {}
local default_configuration = vim.lsp.handlers['workspace/configuration']
vim.lsp.handlers['workspace/configuration'] = function(err, result, ctx, cfg)
  local answer = default_configuration(err, result, ctx, cfg)
  table.insert(configuration_asks, { client_id = ctx.client_id, items = result and result.items, answer = answer })
  return answer
end

-- Stock 0.7 does not announce `workspace.configuration` although its default handler answers it from `settings`;
-- nvim-lspconfig turns the capability on, and so does this check, so the server pulls its settings from Neovim.
local function capabilities()
  local caps = vim.lsp.protocol.make_client_capabilities()
  caps.workspace.configuration = true
  return caps
end

local function start(name, settings)
  local id = vim.lsp.start_client({
    name = name,
    cmd = { config.node, config.server, '--stdio' },
    root_dir = vim.fn.fnamemodify(config.model.path, ':h'),
    capabilities = capabilities(),
    settings = settings,
  })
  if not id then log('start_client failed for ' .. name) end
  return id
end

-- `main` runs with Neovim's defaults (no flowtime settings); `quiet` answers divergenceWarnings = 'off'.
local main_id = start('flowtime', nil)
local quiet_id = start('flowtime-quiet', { flowtime = { divergenceWarnings = 'off' } })
if not main_id or not quiet_id then return finish() end

-- Several buffers stay loaded and attached; only the one a cursor-based request needs is shown in the window.
vim.o.hidden = true
local function open(path, client_ids)
  local bufnr = vim.fn.bufadd(path)
  vim.fn.bufload(bufnr)
  vim.bo[bufnr].buflisted = true
  vim.bo[bufnr].filetype = 'yaml'
  for _, id in ipairs(client_ids) do vim.lsp.buf_attach_client(bufnr, id) end
  return bufnr, vim.uri_from_bufnr(bufnr)
end

local model_buf, model_uri = open(config.model.path, { main_id })
local template_buf, template_uri = open(config.template.path, { main_id })
local _, divergent_uri = open(config.divergent.path, { main_id, quiet_id })

if not vim.wait(TIMEOUT, function()
  local main, quiet = vim.lsp.get_client_by_id(main_id), vim.lsp.get_client_by_id(quiet_id)
  return main ~= nil and main.initialized and quiet ~= nil and quiet.initialized
end, 10) then
  log('the servers did not initialize within ' .. TIMEOUT .. ' ms')
  return finish()
end
local main = vim.lsp.get_client_by_id(main_id)

local function codes(diagnostics)
  local list = {}
  for _, d in ipairs(diagnostics) do table.insert(list, d.code) end
  table.sort(list)
  return list
end

--- The newest publish of `client_id` for `uri` that satisfies `accept`, waiting for it up to the deadline.
local function wait_publish(client_id, uri, accept, what)
  local found
  local ok = vim.wait(TIMEOUT, function()
    for i = #publishes, 1, -1 do
      local p = publishes[i]
      if p.client_id == client_id and p.uri == uri then
        if accept(p) then found = p end
        return found ~= nil
      end
    end
    return false
  end, 10)
  if not ok then
    local seen = {}
    for _, p in ipairs(publishes) do
      if p.client_id == client_id and p.uri == uri then
        table.insert(seen, ('v%s [%s]'):format(tostring(p.version), table.concat(codes(p.diagnostics), ', ')))
      end
    end
    error(('no publish %s within %d ms; publishes seen: %s'):format(what, TIMEOUT, table.concat(seen, '; ')), 0)
  end
  return found
end

--- A request through the client; raises with the method and the LSP error so the scenario reports it.
local function request(client, method, params, bufnr)
  local answer, reason = client.request_sync(method, params, TIMEOUT, bufnr)
  if not answer then error(method .. ' got no answer: ' .. tostring(reason), 0) end
  if answer.err then error(('%s failed: %s %s'):format(method, tostring(answer.err.code), tostring(answer.err.message)), 0) end
  return answer.result
end

--- Shows `bufnr` and puts the cursor at an LSP position (fixtures are ASCII, so the byte column is the character).
local function cursor(bufnr, pos)
  vim.api.nvim_win_set_buf(0, bufnr)
  vim.api.nvim_win_set_cursor(0, { pos.line + 1, pos.character })
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

--- Runs one scenario; an error is recorded on it (neovim.test.ts prints it) and the next scenario still runs.
local function scenario(name, fn)
  local record = {}
  out.scenarios[name] = record
  local ok, err = pcall(fn, record)
  if not ok then
    record.error = tostring(err)
    failed = true
  end
end

local M = config.model.positions
local function at_cursor(bufnr, pos)
  cursor(bufnr, pos)
  return vim.lsp.util.make_position_params(0, 'utf-16')
end

scenario('diagnostics', function(r)
  r.published = wait_publish(main_id, model_uri, function(p) return #p.diagnostics > 0 end, 'with diagnostics for the model')
  -- What Neovim itself stored (proves its diagnostic framework took the publish).
  r.stored = {}
  for _, d in ipairs(vim.diagnostic.get(model_buf, { namespace = vim.lsp.diagnostic.get_namespace(main_id) })) do
    table.insert(r.stored, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = d.code })
  end
end)

scenario('completion', function(r)
  local result = request(main, 'textDocument/completion', at_cursor(model_buf, M.completion), model_buf)
  r.labels = {}
  for _, item in ipairs(result.items or result) do table.insert(r.labels, item.label) end
end)

scenario('hover', function(r)
  local result = request(main, 'textDocument/hover', at_cursor(model_buf, M.hover), model_buf)
  r.value = result.contents.value
end)

scenario('definition', function(r)
  r.locations = request(main, 'textDocument/definition', at_cursor(model_buf, M.definition), model_buf)
end)

scenario('signatureHelp', function(r)
  r.answers = {}
  for _, pos in ipairs(M.signature) do
    local help = request(main, 'textDocument/signatureHelp', at_cursor(model_buf, pos), model_buf)
    local signature = help.signatures[(help.activeSignature or 0) + 1]
    -- Neovim's own rendering: `hl` is the byte span of the parameter it highlights as active in the label.
    local _, hl = vim.lsp.util.convert_signature_help_to_markdown_lines(help, 'yaml', { '(', ',' })
    table.insert(r.answers, {
      label = signature.label,
      activeParameter = signature.activeParameter or help.activeParameter,
      highlighted = hl and signature.label:sub(hl[1] + 1, hl[2]) or vim.NIL,
    })
  end
end)

scenario('references', function(r)
  -- As vim.lsp.buf.references asks: the declaration included.
  local params = at_cursor(model_buf, M.references)
  params.context = { includeDeclaration = true }
  r.locations = request(main, 'textDocument/references', params, model_buf)
  -- What Neovim would put in the quickfix list.
  r.items = {}
  for _, item in ipairs(vim.lsp.util.locations_to_items(r.locations, 'utf-16')) do
    table.insert(r.items, { lnum = item.lnum, col = item.col, text = item.text })
  end
end)

scenario('documentSymbol', function(r)
  local function tree(symbols)
    local list = {}
    for _, s in ipairs(symbols or {}) do
      table.insert(list, { name = s.name, kind = vim.lsp.protocol.SymbolKind[s.kind] or s.kind, line = s.selectionRange.start.line, children = tree(s.children) })
    end
    return list
  end
  r.symbols = tree(request(main, 'textDocument/documentSymbol', { textDocument = { uri = model_uri } }, model_buf))
end)

scenario('semanticTokens', function(r)
  -- The legend is the one Neovim's client kept from the initialize answer.
  local legend = main.server_capabilities.semanticTokensProvider.legend
  local result = request(main, 'textDocument/semanticTokens/full', { textDocument = { uri = model_uri } }, model_buf)
  local lines = vim.api.nvim_buf_get_lines(model_buf, 0, -1, false)
  r.tokens = {}
  local line, character = 0, 0
  local data = result.data
  for i = 1, #data, 5 do
    if data[i] > 0 then character = 0 end
    line = line + data[i]
    character = character + data[i + 1]
    local modifiers = {}
    for bit, name in ipairs(legend.tokenModifiers) do
      if math.floor(data[i + 4] / 2 ^ (bit - 1)) % 2 == 1 then
        table.insert(modifiers, name)
      end
    end
    table.insert(r.tokens, {
      line = line,
      character = character,
      length = data[i + 2],
      type = legend.tokenTypes[data[i + 3] + 1] or ('#' .. data[i + 3]),
      modifiers = modifiers,
      text = (lines[line + 1] or ''):sub(character + 1, character + data[i + 2]),
    })
  end
end)

scenario('inlayHint', function(r)
  local last = vim.api.nvim_buf_line_count(model_buf)
  r.hints = request(main, 'textDocument/inlayHint', {
    textDocument = { uri = model_uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
  }, model_buf)
end)

scenario('graph', function(r)
  local graph = request(main, 'flowtime/graph', { uri = model_uri, svg = false }, model_buf)
  r.kind = graph.kind
  r.svg = graph.svg
  r.nodes = {}
  for _, n in ipairs(graph.nodes) do table.insert(r.nodes, { id = n.id, kind = n.kind, layer = n.layer, errors = n.errors }) end
  r.edges = {}
  for _, e in ipairs(graph.edges) do table.insert(r.edges, e.from .. ' -> ' .. e.to .. ' (' .. e.type .. (e.lagged and ', lagged' or '') .. ')') end
  table.sort(r.edges)
end)

scenario('documentInfo', function(r)
  r.model = request(main, 'flowtime/documentInfo', { uri = model_uri }, model_buf)
  r.template = request(main, 'flowtime/documentInfo', { uri = template_uri }, template_buf)
end)

scenario('rename', function(r)
  local params = at_cursor(model_buf, M.rename)
  params.newName = config.model.newName
  local edit = request(main, 'textDocument/rename', params, model_buf)
  r.edits = #(edit.changes and edit.changes[model_uri] or {})
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  r.text = buffer_text(model_buf)
  local version = vim.lsp.util.buf_versions[model_buf]
  r.after = codes(wait_publish(main_id, model_uri, function(p) return p.version == version end, 'for the renamed version ' .. version).diagnostics)
end)

scenario('codeAction', function(r)
  local before = wait_publish(main_id, model_uri, function(p) return #p.diagnostics > 0 end, 'before the quick fix')
  -- As vim.lsp.buf.code_action asks: the cursor's range, the line's diagnostics as Neovim stored them.
  cursor(model_buf, M.codeAction)
  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = {
    diagnostics = vim.lsp.diagnostic.get_line_diagnostics(model_buf, M.codeAction.line, nil, main_id),
    only = { 'quickfix' },
  }
  r.sentCodes = codes(params.context.diagnostics)
  local actions = request(main, 'textDocument/codeAction', params, model_buf)
  r.titles = {}
  local chosen
  for _, action in ipairs(actions) do
    table.insert(r.titles, action.title)
    if action.title == config.model.fixTitle then chosen = action end
  end
  if not chosen then return end
  r.kind = chosen.kind
  r.isPreferred = chosen.isPreferred
  local mark = #publishes
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  r.text = buffer_text(model_buf)
  local version = vim.lsp.util.buf_versions[model_buf]
  r.versions = { before = before.version, edited = version }
  wait_publish(main_id, model_uri, function(p) return p.version == version end, 'for the fixed version ' .. version)
  -- The first publish after the edit, not only the last: the fixed finding must not linger on an intermediate version.
  for i = mark + 1, #publishes do
    local p = publishes[i]
    if p.client_id == main_id and p.uri == model_uri then
      r.next = { version = p.version, codes = codes(p.diagnostics) }
      break
    end
  end
  r.stored = codes(vim.diagnostic.get(model_buf, { namespace = vim.lsp.diagnostic.get_namespace(main_id) }))
end)

local T = config.template.positions
scenario('templateCompletion', function(r)
  r.opened = codes(wait_publish(main_id, template_uri, function() return true end, 'for the template').diagnostics)
  -- Types the text at the cursor, as a user would, then asks at the end of what was typed.
  local line = T.typeAt.line
  local col = T.typeAt.character
  vim.api.nvim_buf_set_text(template_buf, line, col, line, col, { config.template.typed })
  r.typedLine = vim.api.nvim_buf_get_lines(template_buf, line, line + 1, false)[1]
  local result = request(main, 'textDocument/completion', at_cursor(template_buf, { line = line, character = col + #config.template.typed }), template_buf)
  r.items = {}
  for _, item in ipairs(result.items or result) do table.insert(r.items, { label = item.label, detail = item.detail or vim.NIL }) end
  vim.api.nvim_buf_set_text(template_buf, line, col, line, col + #config.template.typed, { '' })
  local version = vim.lsp.util.buf_versions[template_buf]
  r.restored = codes(wait_publish(main_id, template_uri, function(p) return p.version == version end, 'for the restored template').diagnostics)
end)

scenario('templateHover', function(r)
  local result = request(main, 'textDocument/hover', at_cursor(template_buf, T.hover), template_buf)
  r.value = result.contents.value
end)

scenario('settings', function(r)
  local function severities(client_id)
    local p = wait_publish(client_id, divergent_uri, function() return true end, 'for the divergent model')
    local list = {}
    for _, d in ipairs(p.diagnostics) do
      table.insert(list, ('%s:%d@%d:%d'):format(d.code, d.severity, d.range.start.line, d.range.start.character))
    end
    table.sort(list)
    return list
  end
  r.default = severities(main_id)
  r.quiet = severities(quiet_id)
  r.asked = {}
  for _, ask in ipairs(configuration_asks) do
    for i, item in ipairs(ask.items or {}) do
      if item.scopeUri == divergent_uri then
        table.insert(r.asked, { client = ask.client_id == main_id and 'default' or 'quiet', section = item.section, answer = ask.answer[i] })
      end
    end
  end
end)

vim.lsp.stop_client({ main_id, quiet_id })
vim.wait(TIMEOUT, function() return vim.lsp.get_client_by_id(main_id) == nil and vim.lsp.get_client_by_id(quiet_id) == nil end, 10)
finish()

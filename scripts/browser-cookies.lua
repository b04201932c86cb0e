-- wrk script for scripts/load.sh: each connection keeps the cookies the app sets, as a browser does, instead of sending
-- the same Cookie header for ever. Identity re-checks the security stamp once a minute (Program.cs) and then re-issues
-- the sign-in cookie; a browser sends the new one, so it is re-checked once a minute. A fixed header would make every
-- request after the first minute re-check it (a read of the person, their roles, claims and parks, and a new cookie
-- encrypted): in a profile of the annotator page that was 40 % of the page's CPU, a cost no real user puts on the app.
-- wrk hands a response's headers to Lua as a table, so of several Set-Cookie headers only the last is seen; the app
-- sends the sign-in cookie after the temp-data one, and a missed renewal is only re-checked on the next request.

local jar = {}
local threads = {}
not_ok = 0   -- per thread: responses other than 200 (wrk itself counts a 302 to the sign-in page as a success)

function setup(thread)
   threads[#threads + 1] = thread
end

function init(args)
   for name, value in string.gmatch(wrk.headers["Cookie"] or "", "([^=;%s]+)=([^;]*)") do
      jar[name] = value
   end
end

function request()
   local parts = {}
   for name, value in pairs(jar) do parts[#parts + 1] = name .. "=" .. value end
   wrk.headers["Cookie"] = table.concat(parts, "; ")
   return wrk.format()
end

function response(status, headers, body)
   if status ~= 200 then not_ok = not_ok + 1 end
   local set = headers["Set-Cookie"]
   if set == nil then return end
   local name, value = string.match(set, "^%s*([^=;%s]+)=([^;]*)")
   if name == nil then return end
   if value == "" or string.find(string.lower(set), "expires=thu, 01 jan 1970", 1, true) then
      jar[name] = nil
   else
      jar[name] = value
   end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do total = total + thread:get("not_ok") end
   io.write(string.format("Responses other than 200: %d\n", total))
end
